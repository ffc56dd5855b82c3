class Base:
    __slots__ = ("a",)


class Mid(Base):
    pass


class Leaf(Mid):
    __slots__ = ("b",)


x = Leaf()
x.a, x.b, x.c = 1, 2, 3
print(x.a, x.b, x.c, x.__dict__)
print(sorted(Leaf.__dict__), sorted(Mid.__dict__))
print(isinstance(Leaf.b, type(Base.a)), type(Leaf.b).__name__)
del x.a
print(hasattr(x, "a"), x.b)
y = Mid()
try:
    y.a
except AttributeError as e:
    print(type(e).__name__, e)
y.a = 5
print(y.a, y.__dict__)
