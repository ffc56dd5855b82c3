class Tracking(type):
    order = []

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        Tracking.order.append((name, tuple(b.__name__ for b in bases)))
        cls.tracked = True


class A(metaclass=Tracking):
    pass


class B(A):
    pass


class C(B, A):
    pass


print(Tracking.order, C.tracked, C.__mro__)
print(type(C).__name__, Tracking.__name__, Tracking.__class__.__name__)


class Ordered(type):
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        cls.field_order = [k for k in ns if not k.startswith("__")]
        return cls


class Form(metaclass=Ordered):
    zebra = 1
    apple = 2
    mango = 3


print(Form.field_order)
