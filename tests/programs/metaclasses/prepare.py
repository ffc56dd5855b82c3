class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kwargs):
        print("prepare", name, kwargs)
        ns = {"injected": 42}
        return ns

    def __new__(mcs, name, bases, ns, **kwargs):
        print("new", name, kwargs, "injected" in ns)
        return super().__new__(mcs, name, bases, ns)

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)


class A(metaclass=Meta, flavor="vanilla", size=3):
    print("body sees", injected)
    z = injected + 1


print(A.injected, A.z)


class Bad(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 5


try:
    class C(metaclass=Bad):
        pass
except TypeError as e:
    print(type(e).__name__, e)

print(type.__prepare__("X", ()))
