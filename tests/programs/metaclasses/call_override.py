class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in Singleton._instances:
            print("creating", cls.__name__, args, kwargs)
            Singleton._instances[cls] = super().__call__(*args, **kwargs)
        return Singleton._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, value=0, *, name="cfg"):
        self.value = value
        self.name = name


a = Config(1, name="first")
b = Config(2)
print(a is b, a.value, a.name)


class Counting(type):
    def __call__(cls, *args):
        obj = super().__call__(*args)
        obj.serial = cls.count = getattr(cls, "count", 0) + 1
        return obj


class Item(metaclass=Counting):
    def __init__(self, label):
        self.label = label


items = [Item(c) for c in "abc"]
print([(i.label, i.serial) for i in items], Item.count)


class NoInit(type):
    def __call__(cls, *args):
        return ("intercepted", cls.__name__, args)


class Weird(metaclass=NoInit):
    pass


print(Weird(1, 2))
