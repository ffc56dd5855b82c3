class A:
    """A docstring."""

    class B:
        """B docstring."""

        class C:
            pass


print(A.__qualname__, A.B.__qualname__, A.B.C.__qualname__)
print(A.__doc__, A.B.__doc__, A.B.C.__doc__)
print(A.__module__, repr(A.B), repr(A.B.C))


def factory():
    class Made:
        """made"""
    return Made


M = factory()
print(M.__qualname__, M.__name__, M.__doc__)


class Explicit:
    __qualname__ = "Custom.Name"
    __module__ = "elsewhere"


print(Explicit.__qualname__, Explicit.__module__, repr(Explicit))
Explicit.__module__ = "changed"
print(Explicit.__module__)
print(int.__module__, type.__module__)
