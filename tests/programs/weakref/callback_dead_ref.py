# A callback does not run if the weak reference itself died first.
import weakref

class C:
    pass

o = C()
r = weakref.ref(o, lambda w: print("never"))
del r
del o
print("no callback")

o2 = C()
keep = weakref.ref(o2, lambda w: print("runs"))
del o2
print("done")
