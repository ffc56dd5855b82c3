class Plugin:
    registry = {}

    def __init_subclass__(cls, /, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.key = key
        if key is not None:
            Plugin.registry[key] = cls.__name__


class A(Plugin, key="a"):
    pass


class B(Plugin, key="b"):
    pass


class C(Plugin):
    pass


print(sorted(Plugin.registry.items()), C.key, A.key)

try:
    class D(Plugin, key="d", extra=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class Plain:
    pass


try:
    class E(Plain, option=True):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns, **kw)
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns, **kw)


class Base(metaclass=Meta):
    def __init_subclass__(cls, tag="none", **kw):
        print("init_subclass", cls.__name__, tag)


class Child(Base, tag="child"):
    pass


class Grand(Child):
    pass
