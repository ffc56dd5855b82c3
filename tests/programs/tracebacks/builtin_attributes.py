# Attributes of built-in exception kinds.
print(StopIteration().value, StopIteration(5).value, StopIteration(1, 2).value)
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)
print(str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
n = NameError("msg", name="nm")
print(n.name, n.args, NameError().name)
try:
    undefined_name_here
except NameError as e:
    print(e.name, e)
a = AttributeError("m", name="attr", obj=[1])
print(a.name, a.obj, AttributeError().name)
try:
    (1).nope
except AttributeError as e:
    print(e.name, e.obj, e)
i = ImportError("cannot", name="mod", path="/p")
print(i.name, i.path, i.msg, str(i), repr(i))
print(ImportError().msg, ImportError().name)
for make in (lambda: NameError(foo=1), lambda: ValueError(x=1), lambda: ImportError(x=1), lambda: KeyError(a=2)):
    try:
        make()
    except TypeError as t:
        print("TypeError", t)
s = StopIteration(1)
s.value = 9
print(s.value, s.args)
