# weakref.ref: calling it gives the object while it lives, None after.
import weakref

class C:
    def __init__(self, n):
        self.n = n

o = C(1)
r = weakref.ref(o)
print(r() is o, r().n)
print(weakref.getweakrefcount(o))
del o
print(r())
print(r() is None)

# One plain reference per object is shared.
p = C(2)
print(weakref.ref(p) is weakref.ref(p))
print(weakref.getweakrefcount(p), len(weakref.getweakrefs(p)))
print(type(weakref.ref(p)) is weakref.ref, isinstance(weakref.ref(p), weakref.ReferenceType))
print(weakref.ref is weakref.ReferenceType)
