class Registry(type):
    classes = []

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases:
            Registry.classes.append(name)
            for b in bases:
                print(name, "extends", b.__name__)


class Base(metaclass=Registry):
    pass


class A(Base):
    pass


class B(Base):
    pass


class AB(A, B):
    pass


print(Registry.classes)
print([c.__name__ for c in Base.__subclasses__()])
print([c.__name__ for c in A.__subclasses__()])
print(AB.__mro__)
print([k.__name__ for k in AB.mro()])
print(type(Base.mro()))
