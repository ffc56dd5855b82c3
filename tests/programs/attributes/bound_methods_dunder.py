class A:
    def m(self):
        return "m"

    @classmethod
    def c(cls):
        return cls.__name__

    @staticmethod
    def s():
        return "s"


a = A()
print(a.m(), A.m(a), a.c(), A.c(), a.s(), A.s())
bm = a.m
print(bm.__self__ is a, bm.__func__ is A.m, bm.__name__)
print(A.__dict__["c"].__func__(A), A.__dict__["s"].__func__())
print(type(A.__dict__["c"]).__name__, type(A.__dict__["s"]).__name__, type(A.__dict__["m"]).__name__)


class B(A):
    def m(self):
        return "B" + super().m()


print(B().m(), B.c(), B().c())
print(A.__init__ is object.__init__ or True, callable(A.__init__))
