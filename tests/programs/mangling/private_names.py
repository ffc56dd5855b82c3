# Private name mangling: __x inside a class body is _Class__x.
class Account:
    __count = 0

    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1
        self.__secret()

    def __secret(self):
        self.__touched = True

    def owner(self):
        return self.__owner

    @classmethod
    def count(cls):
        return cls.__count

a = Account("ann")
print(a.owner(), Account.count(), sorted(vars(a)))
print(a._Account__owner, a._Account__touched, Account._Account__count)
print(hasattr(a, "__owner"), hasattr(Account, "__secret"), hasattr(Account, "_Account__secret"))
try:
    a.__owner
except AttributeError as e:
    print(type(e).__name__, e)

class _Lead:
    def __m(self):
        return 1
print([n for n in vars(_Lead) if "m" in n and not n.startswith("__")])

class ___:
    __x = 1
print("__x" in vars(___))

class Dunder:
    __slots__ = ("__a", "b")
    def __init__(self):
        self.__a = 1
        self.b = 2
    def __repr__(self):
        return f"Dunder({self.__a}, {self.b})"
print(Dunder(), Dunder.__slots__, [n for n in dir(Dunder) if "a" in n and "Dunder" in n])

class Params:
    def f(self, __p, *, __k=3):
        return __p + __k
    def g(self, **kw):
        return sorted(kw)
p = Params()
print(p.f(1), Params.f.__code__.co_varnames, Params.f.__kwdefaults__)
print(p.g(__z=1))

class Outer:
    __v = "outer"
    class Inner:
        __v = "inner"
        def get(self):
            return self.__v
    def get(self):
        return self.__v, [self.__v for _ in range(1)], (lambda: self.__v)()
print(Outer().get(), Outer.Inner().get(), sorted(k for k in vars(Outer.Inner) if "v" in k))

__glob = "module"
class UsesGlobal:
    def read(self):
        try:
            return __glob
        except NameError as e:
            return str(e)
print(UsesGlobal().read())
_UsesGlobal__glob = "mangled global"
print(UsesGlobal().read())

class Closure:
    def make(self):
        __local = 5
        def inner():
            return __local
        return inner()
print(Closure().make(), Closure.make.__code__.co_cellvars)

class G:
    def set(self):
        global __gg
        __gg = 7
G().set()
print(sorted(k for k in globals() if "gg" in k))

class Imp:
    import math as __p
    from math import pi as __sep
print(sorted(k for k in vars(Imp) if not k.startswith("__")))

class Del:
    def run(self):
        self.__x = 1
        del self.__x
        return hasattr(self, "_Del__x")
print(Del().run())

class Ann:
    __a: int = 1
    b: str
print(Ann.__annotations__)
