def init(self, v):
    self.v = v


Point = type("Point", (), {"__init__": init, "double": lambda self: self.v * 2, "kind": "pt"})
p = Point(21)
print(Point.__name__, Point.__qualname__, Point.__module__, p.double(), p.kind)
print(Point.__bases__, Point.__mro__)


class Base:
    def hello(self):
        return "hello from " + type(self).__name__


Derived = type("Derived", (Base,), {})
print(Derived().hello(), issubclass(Derived, Base))

for args in [(1, (), {}), ("X", [], {}), ("X", (), [])]:
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)

print(type(3), type("s"), type(Point), type(type))
N = type("N", (), {"__qualname__": "Outer.N", "__doc__": "docs"})
print(N.__qualname__, N.__doc__, repr(N))
try:
    type("Q", (), {"__qualname__": 3})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("a", (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
