class Base(type):
    def __new__(mcs, name, bases, ns):
        ns.setdefault("tags", [])
        ns["tags"] = list(ns["tags"]) + [mcs.__name__]
        return super().__new__(mcs, name, bases, ns)


class Derived(Base):
    def __new__(mcs, name, bases, ns):
        ns["derived"] = True
        return super().__new__(mcs, name, bases, ns)


class A(metaclass=Base):
    pass


class B(metaclass=Derived):
    pass


class C(A, B):
    pass


print(A.tags, B.tags, C.tags, getattr(A, "derived", False), B.derived, C.derived)
print(type(A).__name__, type(B).__name__, type(C).__name__)
print(Derived.__mro__)
print(issubclass(Derived, type), isinstance(C, Base), isinstance(A, Derived))
print(type.__call__(A).__class__.__name__)
