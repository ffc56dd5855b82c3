class Recorder:
    def __init__(self):
        self.log = []

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(("set", name, value))
        super().__setattr__(name, value)

    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)


r = Recorder()
r.a = 1
r.b = 2
del r.a
print(r.log, r.__dict__)
try:
    del r.zzz
except AttributeError as e:
    print(type(e).__name__, e)


class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}: frozen")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}: frozen")


fz = Frozen(3)
print(fz.x)
for action in (lambda: setattr(fz, "x", 4), lambda: delattr(fz, "x")):
    try:
        action()
    except AttributeError as e:
        print(type(e).__name__, e)
print(fz.x)


class Base:
    def __setattr__(self, name, value):
        super().__setattr__(name, value * 2)


class Child(Base):
    pass


c = Child()
c.v = 5
print(c.v)
Base.__setattr__ = lambda self, name, value: object.__setattr__(self, name, -value)
c.w = 5
print(c.w)
