# Functions, classes, sets, generators, bound methods and instances support weak references.
import weakref

def f():
    return 1

class K:
    def m(self):
        return 2

def g():
    yield 1

s = {1, 2}
fs = frozenset([3])
gen = g()
k = K()
bm = k.m
for obj in [f, K, s, fs, gen, bm, k]:
    r = weakref.ref(obj)
    print(type(obj).__name__, r() is obj)
print(weakref.ref(f)()(), weakref.ref(bm)()())
