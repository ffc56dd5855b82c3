# Special methods are looked up on the type for every operator; the per-type lookup cache must
# see a method replaced, added to a base, deleted, or shadowed in a subclass in mid-loop.


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + other.v)

    def __repr__(self):
        return f"Num({self.v})"


class Sub(Num):
    pass


a, b = Num(1), Num(2)
out = []
for i in range(6):
    if i == 2:
        Num.__add__ = lambda self, other: Num(self.v * 100 + other.v)
    if i == 4:
        Sub.__add__ = lambda self, other: "sub"
    out.append(a + b)
    out.append(Sub(3) + b)
print(out)

del Sub.__add__
print(Sub(1) + Sub(2))
del Num.__add__
try:
    a + b
except TypeError as e:
    print(type(e).__name__, e)


class Base:
    pass


class Leaf(Base):
    pass


x = Leaf()
lens = []
for i in range(5):
    if i == 2:
        Base.__len__ = lambda self: 7
    if i == 4:
        Leaf.__len__ = lambda self: 9
    try:
        lens.append(len(x))
    except TypeError as e:
        lens.append(str(e))
print(lens)

eqs = []
for i in range(4):
    if i == 2:
        Leaf.__eq__ = lambda self, other: "always"
    eqs.append(x == Leaf())
print(eqs)


class Radd:
    def __radd__(self, other):
        return ("radd", other)


r = Radd()
res = []
for i in range(4):
    if i == 2:
        Radd.__radd__ = lambda self, other: ("new radd", other)
    res.append(i + r)
print(res)

getitem = []
class Box:
    def __getitem__(self, k):
        return k * 2
bx = Box()
for i in range(4):
    if i == 2:
        Box.__getitem__ = lambda self, k: -k
    getitem.append(bx[i])
print(getitem)
