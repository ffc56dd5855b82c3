# getweakrefcount and getweakrefs follow the weak references that are alive.
import weakref

class C:
    pass

o = C()
print(weakref.getweakrefcount(o), weakref.getweakrefs(o))
r1 = weakref.ref(o)
r2 = weakref.ref(o, lambda w: None)
p = weakref.proxy(o)
print(weakref.getweakrefcount(o))
refs = weakref.getweakrefs(o)
print(len(refs), r1 in refs, r2 in refs)
del r2
print(weakref.getweakrefcount(o))
print(weakref.getweakrefcount(1), weakref.getweakrefs("x"))
