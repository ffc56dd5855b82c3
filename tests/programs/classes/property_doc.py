class C:
    @property
    def x(self):
        "the x"
        return 1
    y = property(lambda self: 2, doc="why")
    z = property()
print(C.x.__doc__, C.y.__doc__, C.z.__doc__)
C.x.__doc__ = "changed"
print(C.x.__doc__, C().x, C().y)
p = C.y.setter(lambda self, v: None)
print(p.__doc__)
import collections
P = collections.namedtuple("P", "a b")
P.a.__doc__ = "first"
print(P.a.__doc__, P(1, 2))
def f(): pass
print(f.__get__(None, C) is f, f.__get__(1)())
