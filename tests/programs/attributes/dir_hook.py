class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]


print(dir(Custom()))


class Regular:
    cls_attr = 1

    def __init__(self):
        self.inst_attr = 2

    def method(self):
        pass


names = dir(Regular())
print([n for n in names if not n.startswith("__")])
print("__init__" in names, "__class__" in names)


class Sl:
    __slots__ = ("a", "b")


print([n for n in dir(Sl()) if not n.startswith("__")])


class Meta(type):
    def meta_method(cls):
        pass


class WithMeta(metaclass=Meta):
    own = 1


print([n for n in dir(WithMeta) if not n.startswith("__")])
