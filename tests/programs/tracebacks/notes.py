# add_note and __notes__.
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second")
print(e.__notes__)
print(e.__dict__)
for bad in (1, None, b"x" if False else 2.5):
    try:
        e.add_note(bad)
    except TypeError as t:
        print("TypeError", t)
e.__notes__ = ("tuple",)
try:
    e.add_note("x")
except TypeError as t:
    print("TypeError", t)
del e.__notes__
e.add_note("fresh")
print(e.__notes__)
class Sub(KeyError):
    pass
s = Sub("k")
s.add_note("sub note")
print(s.__notes__, str(s), repr(s))
