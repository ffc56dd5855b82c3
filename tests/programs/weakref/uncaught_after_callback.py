# A callback that raises is reported and ignored; the program then fails on its own.
import weakref

class C:
    pass

def bad(ref):
    raise RuntimeError("from callback")

o = C()
r = weakref.ref(o, bad)
del o
print("still running")
d = weakref.WeakValueDictionary()
d["missing"]
