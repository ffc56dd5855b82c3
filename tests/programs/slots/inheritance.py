class Base:
    __slots__ = ("a",)


class Child(Base):
    __slots__ = ("b",)


class Free(Base):
    pass


c = Child()
c.a, c.b = 1, 2
print(c.a, c.b)
try:
    c.c = 3
except AttributeError as e:
    print(type(e).__name__, e)

f = Free()
f.a = 1
f.other = 2
print(f.a, f.other, f.__dict__)
print(sorted(Free.__dict__), sorted(Child.__dict__))


class Plain:
    pass


class SlottedOnPlain(Plain):
    __slots__ = ("s",)


s = SlottedOnPlain()
s.s = 1
s.anything = 2
print(s.s, s.__dict__)


class A:
    __slots__ = ("x",)


class B:
    __slots__ = ("y",)


try:
    class AB(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class Empty:
    __slots__ = ()


class Mixed(Empty, A):
    __slots__ = ("z",)


m = Mixed()
m.x = 1
m.z = 2
print(m.x, m.z)
try:
    Empty().q = 1
except AttributeError as e:
    print(type(e).__name__, e)
