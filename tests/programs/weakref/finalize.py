# weakref.finalize: runs its function once when the object dies, or when called.
import weakref

class Res:
    pass

def cleanup(name, tag=""):
    print("cleanup", name, tag)
    return name

r = Res()
f = weakref.finalize(r, cleanup, "r", tag="!")
print(f.alive)
del r
print(f.alive)
print(f())

r2 = Res()
f2 = weakref.finalize(r2, cleanup, "r2")
print(f2(), f2.alive, f2())
del r2
print("no second cleanup")

r3 = Res()
f3 = weakref.finalize(r3, cleanup, "r3")
obj, func, args, kwargs = f3.peek()
print(obj is r3, func is cleanup, args, kwargs)
print(f3.detach()[2], f3.alive, f3.detach())
del r3, obj
print("detached: nothing ran")

r4 = Res()
f4 = weakref.finalize(r4, cleanup, "at exit")
print("end of program")
