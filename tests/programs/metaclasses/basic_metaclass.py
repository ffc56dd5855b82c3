class Meta(type):
    def __new__(mcs, name, bases, ns):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")))
        cls = super().__new__(mcs, name, bases, ns)
        cls.created_by = "Meta"
        return cls

    def __init__(cls, name, bases, ns):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)


class A(metaclass=Meta):
    x = 1

    def method(self):
        return "method"


print(type(A).__name__, A.created_by, A.x, A().method())
print(isinstance(A, Meta), isinstance(A, type), type(type(A)))


class B(A):
    y = 2


print(type(B) is Meta, B.created_by, B.y, B.x)
print(B.__mro__)
print(Meta.__mro__)
print(Meta.__bases__, Meta.__base__)
