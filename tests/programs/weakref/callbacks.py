# Callbacks run when the referent dies, with the (now dead) weak reference.
import weakref

class C:
    pass

log = []
def cb(ref):
    log.append(ref() is None)
    print("callback ran, referent gone:", ref() is None)

o = C()
r = weakref.ref(o, cb)
print(r.__callback__ is cb)
print("deleting")
del o
print("deleted", log)
print(r.__callback__)

# Several callbacks: most recent first.
x = C()
r1 = weakref.ref(x, lambda w: print("first"))
r2 = weakref.ref(x, lambda w: print("second"))
x = None
print("end")
