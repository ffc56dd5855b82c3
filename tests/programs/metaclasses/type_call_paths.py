class A:
    def __new__(cls, *args):
        print("A.__new__", args)
        return super().__new__(cls)

    def __init__(self, *args):
        print("A.__init__", args)


a = type.__call__(A, 1, 2)
print(type(a).__name__)


class Other:
    pass


class ReturnsOther:
    def __new__(cls):
        return Other()

    def __init__(self):
        print("never printed")


print(type(ReturnsOther()).__name__)


class Meta(type):
    def __call__(cls, *args, **kw):
        inst = cls.__new__(cls)
        inst.via_meta = True
        cls.__init__(inst, *args, **kw)
        return inst


class M(metaclass=Meta):
    def __init__(self, x=0):
        self.x = x


m = M(x=7)
print(m.x, m.via_meta)
try:
    type.__call__(5)
except TypeError as e:
    print(type(e).__name__)
