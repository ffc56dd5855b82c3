# __new__ overrides, namedtuple-like classes, super() through built-in bases.
class Const(int):
    def __new__(cls, value, name):
        self = int.__new__(cls, value)
        self.name = name
        return self
    def __repr__(self):
        return f"<{self.name}={int(self)}>"

A = Const(1, "A")
print(A, A + 1, A.name, [A], repr(A), str(A))

class Row(tuple):
    __slots__ = ()
    _fields = ("a", "b")
    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))
    def _asdict(self):
        return dict(zip(self._fields, self))
    a = property(lambda self: self[0])
    b = property(lambda self: self[1])

r = Row(1, "x")
print(r, r.a, r.b, r._asdict(), Row.__new__(Row, 3, 4), type(r).__mro__)

class Singleton(object):
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
print(Singleton() is Singleton())

class Sub(list):
    pass
print(list.__new__(Sub), type(list.__new__(Sub)).__name__, int.__new__(int, "12"))
try:
    int.__new__(str)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)

import copy
class Box(list):
    pass
bx = Box([1, [2]])
bx.note = "n"
c1 = copy.copy(bx)
c2 = copy.deepcopy(bx)
print(c1, type(c1).__name__, c1.note, c2, c2[1] is bx[1], c1[1] is bx[1])
class Num(int):
    pass
print(copy.copy(Num(4)), type(copy.deepcopy(Num(4))).__name__)
