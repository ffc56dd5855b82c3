# OSError: errno, strerror, filename, subclass picked from errno, str forms.
for args in [(), ("plain",), (2, "No such file"), (2, "No such file", "f.txt"),
             (13, "Denied", "a", None, "b"), (1, 2, 3, 4, 5, 6), (11, "again"), (999, "odd")]:
    e = OSError(*args)
    print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, repr(str(e)), repr(e), e.args)
for errno in (1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 114, 115):
    print(errno, type(OSError(errno, "x")).__name__)
print(type(FileNotFoundError(13, "x")).__name__)
class MyOS(OSError):
    pass
print(type(MyOS(2, "x")).__name__, MyOS(2, "x").errno)
print(EnvironmentError is OSError, IOError is OSError)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(TimeoutError, OSError))
e = OSError(2, "x")
e.errno = 5
e.filename = "now"
print(e.errno, str(e))
try:
    open("/definitely/not/here.txt")
except FileNotFoundError as f:
    print(f.errno, f.strerror, f.filename, f.args, repr(f))
