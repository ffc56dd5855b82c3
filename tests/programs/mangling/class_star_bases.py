# class C(*bases, **kwargs)
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
bases = (A, B)
class C(*bases):
    pass
print(C.__mro__, C().who())

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        cls.kw = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
opts = {"flag": True, "level": 3}
class D(A, *[B], metaclass=Meta, **opts):
    pass
print(D.kw, D.__mro__, type(D).__name__)

class Base:
    def __init_subclass__(cls, **kw):
        cls.seen = kw
class E(Base, **{"x": 1}, y=2):
    pass
print(E.seen)
class F(*(), **{}):
    pass
print(F.__bases__)
try:
    class G(*[1]):
        pass
except TypeError as e:
    print(type(e).__name__, e)
