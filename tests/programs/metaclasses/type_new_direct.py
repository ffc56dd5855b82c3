class Meta(type):
    pass


C = type.__new__(Meta, "C", (), {"a": 1})
print(type(C).__name__, C.a, C.__name__)
D = Meta("D", (C,), {"b": 2})
print(type(D).__name__, D.a, D.b, D.__mro__)
print(type.__new__(type, 5) if False else type(5))
for bad in [(1, "X", (), {}), (int, "X", (), {})]:
    try:
        type.__new__(*bad)
    except TypeError as e:
        print(type(e).__name__, e)


class Tracker(type):
    def __new__(mcs, *args, **kwargs):
        print("Tracker.__new__", args[0])
        return type.__new__(mcs, *args)

    def __init__(cls, *args, **kwargs):
        print("Tracker.__init__", args[0], kwargs)


class K(metaclass=Tracker, flag=True):
    pass


print(type(K).__name__)
