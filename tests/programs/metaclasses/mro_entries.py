class Proxy:
    def __init__(self, real):
        self.real = real

    def __mro_entries__(self, bases):
        print("mro_entries", [type(b).__name__ for b in bases])
        return (self.real,)


class Real:
    def hello(self):
        return "real hello"


class C(Proxy(Real)):
    pass


print(C().hello(), C.__bases__, [type(b).__name__ for b in C.__orig_bases__])


class Nothing:
    def __mro_entries__(self, bases):
        return ()


class D(Nothing(), Real):
    pass


print(D.__bases__)


class Bad:
    def __mro_entries__(self, bases):
        return [Real]


try:
    class E(Bad()):
        pass
except TypeError as e:
    print(type(e).__name__, e)
