# Weak references hash like their referent and compare by referent while alive.
import weakref

class C:
    pass

a = C()
b = C()
ra = weakref.ref(a)
ra2 = weakref.ref(a, lambda w: None)
rb = weakref.ref(b)
print(ra == ra2, ra is ra2, ra == rb, ra != rb)
print(hash(ra) == hash(a), hash(ra2) == hash(ra))

class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __hash__(self):
        return hash(self.v)

x, y = Eq(1), Eq(1)
print(weakref.ref(x) == weakref.ref(y))

h = hash(ra)
del a
print(hash(ra) == h, ra == ra, ra == ra2)

z = C()
rz = weakref.ref(z)
del z
try:
    hash(rz)
except TypeError as e:
    print(type(e).__name__, e)
