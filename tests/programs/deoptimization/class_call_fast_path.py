class P:
    def __init__(self, x, y=2):
        self.x = x; self.y = y
class Q(P):
    pass
class R:
    def __init__(self):
        return 5
class S:
    def __new__(cls, *a):
        o = super().__new__(cls) if False else None; return o
    def __init__(self, a):
        self.a = a
ps = [P(i) for i in range(3)] + [Q(1, 5)]
print([(p.x, p.y, type(p).__name__) for p in ps])
s = S(4); print(s)
def f():
    P.__init__ = lambda self, x, y=0: setattr(self, 'x', -x)
    return P(3).x
print(f())
try:
    R()
except TypeError as e:
    print(e)
try:
    P()
except TypeError as e:
    print(e)
R()
