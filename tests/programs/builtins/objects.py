# dir, vars, callable, hash, id, isinstance, issubclass, type(name, bases, dict), format, getattr & co.

class Base:
    kind = "base"
    def method(self):
        return 1

class Child(Base):
    extra = 2
    def __init__(self):
        self.x = 1
        self.y = 2

c = Child()
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
print(dir(c) == sorted(dir(c)), "__init__" in dir(c), "__dict__" in dir(c), "__weakref__" in dir(Child))
print(dir(object()) == dir(object), len(dir(object)) > 20, "__class__" in dir(1))
print([n for n in dir(1) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")][:10])
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print(dir(ValueError("x"))[-3:], "args" in dir(KeyError))
class WithDir:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(WithDir()))
import math
print([n for n in dir(math) if n.startswith(("fa", "fl"))])

print(vars(c), sorted(k for k in vars(Child) if k not in ("__dict__", "__weakref__", "__doc__", "__qualname__")))
print(vars(math)["pi"] == math.pi)
for bad in ("vars(1)", "vars([])", "vars(1, 2)", "dir(1, 2)"):
    try:
        eval(bad, {})
    except TypeError as e:
        print(bad, "->", e)

class CallMe:
    def __call__(self):
        return "called"
print(callable(len), callable(print), callable(Child), callable(c), callable(CallMe()), callable(c.method))
print(callable(1), callable("x"), callable(None), callable(staticmethod(len)), callable(lambda: 0))

class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v
class EqOnly:
    def __eq__(self, other):
        return True
class NoHash:
    __hash__ = None
class MinusOne:
    def __hash__(self):
        return -1
class BigHash:
    def __hash__(self):
        return 2**70
class BadHash:
    def __hash__(self):
        return "no"
class InheritsHash(Key):
    pass
print(hash(Key(5)), hash(Key(-7)), hash(MinusOne()), hash(BigHash()), hash(InheritsHash(3)))
print(hash(1), hash(-1), hash(2**64), hash(1.5), hash(-0.0), hash(True), hash((1, 2)) == hash((1, 2)), hash("a") == hash("a"))
o = object()
print(hash(o) == hash(o), id(o) == id(o), id(c) != id(Child()), id(None) == id(None), isinstance(id(o), int))
for obj in (EqOnly(), NoHash(), [], {}, set(), BadHash()):
    try:
        hash(obj)
    except TypeError as e:
        print("TypeError:", e)

print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1, (str, (float, int))))
print(isinstance(c, Base), isinstance(c, (int, Child)), isinstance(Child, type), isinstance(int, type), isinstance(ValueError(), Exception))
print(issubclass(bool, int), issubclass(Child, Base), issubclass(Base, Child), issubclass(Child, (int, Base)), issubclass(int, object))
for bad in ("isinstance(1)", "isinstance(1, 1)", "isinstance(1, (int, 1))", "isinstance(1, (1, int))", "issubclass(1, int)", "issubclass(int, 1)", "issubclass(int, (1,))"):
    try:
        print(bad, "->", eval(bad, {}))
    except TypeError as e:
        print(bad, "->", e)

Dyn = type("Dyn", (Base,), {"z": 3, "double": lambda self: self.z * 2, "__module__": "__main__"})
d = Dyn()
print(Dyn.__name__, Dyn.__bases__, d.double(), d.kind, d.method(), isinstance(d, Base), Dyn)
Plain = type("Plain", (), {"__module__": "mymod", "__qualname__": "Outer.Plain"})
print(Plain.__bases__, Plain.__qualname__, Plain.__module__, Plain)
print(type(1), type("x"), type(c) is Child, type(Dyn) is type)
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class Hooked:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
T = type("T", (Hooked,), {"attr": Named()})
for bad in ("type()", "type(1, 2)", "type('A', 1, {})", "type(1, (), {})", "type('A', (), [])", "type('A', (1,), {})", "type(1, 2, 3, 4)", "type('A', (), {'__qualname__': 1})", "type(1, x=2)"):
    try:
        eval(bad, {})
    except TypeError as e:
        print(bad, "->", e)

class Fmt:
    def __format__(self, spec):
        return "Fmt(" + spec + ")"
class BadFmt:
    def __format__(self, spec):
        return 42
print(format(Fmt(), "abc"), format(Fmt()), f"{Fmt():xyz}", format(3.14159, ".2f"), format(255, "#x"), format("s", ">4"))
print(format(c, "") == str(c), format(12345.678, ",.1f"), format(-0.0, ".1f"), format(7, "08b"))
for bad in ("format()", "format(1, 2)", "format('a', 'd')", "format(object(), 'x')", "format(BadFmt())", "format(1, 'q')", "format([], 'x')"):
    try:
        eval(bad, {"BadFmt": BadFmt})
    except (TypeError, ValueError) as e:
        print(bad, "->", type(e).__name__, e)

print(getattr(c, "x"), getattr(c, "nope", "default"), hasattr(c, "y"), hasattr(c, "nope"))
setattr(c, "w", 9)
print(c.w)
delattr(c, "w")
print(hasattr(c, "w"))
for bad in ("getattr(1)", "getattr(1, 2)", "getattr(1, 'a', 2, 3)", "setattr(1, 'a')", "setattr(1, 2, 3)", "hasattr(1, 2)", "delattr(1)", "delattr(1, 2)", "getattr(x=1)"):
    try:
        eval(bad, {})
    except TypeError as e:
        print(bad, "->", e)
print(repr(object()).startswith("<object object at 0x"), str(Child).endswith("Child'>"))
print(ascii("héllo ☃ \U0001f600"), repr("tab\t"), ascii(["é"]))
print(len("abc"), len([1, 2]), len({1: 2}), len(range(10)), len(set()), ord("€"), chr(8364))
print(hash(c) == hash(c), 3 in {3: 1}, sorted([3, 1, 2], reverse=True), sorted("bca", key=None))

try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
getattr(c, "missing")
