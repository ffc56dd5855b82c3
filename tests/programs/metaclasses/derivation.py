class M1(type):
    pass


class M2(M1):
    pass


class Other(type):
    pass


class A(metaclass=M1):
    pass


class B(metaclass=M2):
    pass


class C(A, B):
    pass


print(type(C).__name__)


class D(B, A):
    pass


print(type(D).__name__)


class E(A, metaclass=M2):
    pass


print(type(E).__name__)


class F(B, metaclass=M1):
    pass


print(type(F).__name__)


class X(metaclass=Other):
    pass


try:
    class Y(A, X):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Z(X, metaclass=M1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

T = type("T", (A,), {"v": 3})
print(type(T).__name__, T.v, T.__name__, T.__bases__)
