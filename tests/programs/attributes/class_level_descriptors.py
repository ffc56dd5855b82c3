class classproperty:
    def __init__(self, f):
        self.f = f

    def __get__(self, obj, owner):
        return self.f(owner)


class Config:
    _name = "cfg"

    @classproperty
    def upper(cls):
        return cls._name.upper()


class Sub(Config):
    _name = "sub"


print(Config.upper, Sub.upper, Config().upper)


class Meta(type):
    @property
    def registry_size(cls):
        return len(cls.registry)

    @registry_size.setter
    def registry_size(cls, n):
        cls.registry = list(range(n))


class Reg(metaclass=Meta):
    registry = [1, 2]


print(Reg.registry_size)
Reg.registry_size = 5
print(Reg.registry, Reg.registry_size)
try:
    Reg().registry_size
except AttributeError as e:
    print(type(e).__name__, e)
