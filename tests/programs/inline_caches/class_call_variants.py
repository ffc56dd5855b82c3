class Plain:
    def __init__(self, a, b=2): self.s = a + b
class NoInit:
    pass
class KwOnly:
    def __init__(self, *, k): self.k = k
class Star:
    def __init__(self, *a): self.a = a
class WithNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.fromnew = x
        return o
print(Plain(1).s, Plain(1, 5).s, type(NoInit()).__name__, KwOnly(k=3).k, Star(1, 2).a, WithNew(7).fromnew)
try:
    NoInit(1)
except TypeError as e:
    print(e)
try:
    Plain()
except TypeError as e:
    print(e)
try:
    KwOnly(1)
except TypeError as e:
    print(e)
