# An inconsistent hierarchy cannot be linearized.
class A:
    pass


class B(A):
    pass


print([k.__name__ for k in B.__mro__])


class C(A, B):
    pass
