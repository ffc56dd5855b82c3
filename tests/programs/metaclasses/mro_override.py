class ReverseMeta(type):
    def mro(cls):
        order = super().mro()
        print("mro called for", cls.__name__, [c.__name__ for c in order])
        return order


class A(metaclass=ReverseMeta):
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B"


print([c.__name__ for c in B.__mro__], B().who())


class Skip(type):
    def mro(cls):
        default = type.mro(cls)
        if cls.__name__ == "Child":
            return [default[0]] + default[2:]
        return default


class Parent(metaclass=Skip):
    tag = "parent"


class Child(Parent):
    pass


print([c.__name__ for c in Child.__mro__], getattr(Child, "tag", "no tag"))
