class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)


class Point:
    x = Typed()
    y = Typed()

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y, p.__dict__)
try:
    p.x = "a"
except TypeError as e:
    print(type(e).__name__, e)
print(type(Point.x).__name__)


class Constant:
    def __init__(self, value):
        self.value = value

    def __get__(self, obj, objtype=None):
        return (self.value, obj is None, objtype.__name__)


class Holder:
    c = Constant(7)


h = Holder()
print(h.c, Holder.c)
h.__dict__["c"] = "instance wins over non-data"
print(h.c)


class DataDesc:
    def __get__(self, obj, objtype=None):
        return "data descriptor"

    def __set__(self, obj, value):
        print("refusing", value)


class H2:
    d = DataDesc()


h2 = H2()
h2.__dict__["d"] = "shadow"
print(h2.d)
h2.d = 5
print(h2.d, h2.__dict__)


class Deleter:
    def __get__(self, obj, objtype=None):
        return "here"

    def __delete__(self, obj):
        print("deleting via descriptor")


class H3:
    d = Deleter()


h3 = H3()
del h3.d
try:
    h3.d = 1
except AttributeError as e:
    print(type(e).__name__, e)
