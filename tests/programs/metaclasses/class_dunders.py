class Outer:
    """Outer docs."""

    class Inner:
        def method(self):
            pass

    def make(self):
        class Local:
            pass
        return Local


print(Outer.__qualname__, Outer.Inner.__qualname__, Outer().make().__qualname__)
print(Outer.__name__, Outer.Inner.__name__, Outer.__module__, Outer.Inner.__module__)
print(Outer.__doc__, Outer.Inner.__doc__)
print(Outer.Inner.method.__qualname__)
print(type(Outer.__dict__).__name__, sorted(Outer.__dict__))
print("Inner" in Outer.__dict__, Outer.__dict__["__doc__"], len(Outer.__dict__) > 3)
print(Outer.__dict__.get("nothing", "default"))
try:
    Outer.__dict__["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)


class Empty:
    pass


print(list(Empty.__dict__))
print(repr(Empty.__dict__["__dict__"]), repr(Empty.__dict__["__weakref__"]))


class Sub(Empty):
    x = 1


print(list(Sub.__dict__), Sub.__base__, Sub.__bases__, object.__bases__, object.__base__)


class E(ValueError):
    pass


print(list(E.__dict__))
print(Empty.__dict__.keys() == {"__module__", "__dict__", "__weakref__", "__doc__"})
Sub.y = 5
print("y" in Sub.__dict__, Sub.__dict__["y"])
del Sub.y
print("y" in Sub.__dict__)
try:
    del Sub.y
except AttributeError as e:
    print(type(e).__name__, e)
