# Class names, qualnames, modules and reprs of classes and built-in types.
class Outer:
    class Inner:
        def method(self):
            pass


def make():
    class Local:
        pass
    return Local


print(Outer.__name__, Outer.__qualname__, Outer.Inner.__qualname__, Outer.__module__)
print(Outer.Inner.method.__qualname__, make().__qualname__, make.__qualname__)
print(repr(Outer), repr(Outer.Inner), repr(int), repr(type), repr(object), str(ValueError))
print(type(Outer), type(Outer()).__name__, Outer.__bases__, int.__bases__, bool.__bases__)
