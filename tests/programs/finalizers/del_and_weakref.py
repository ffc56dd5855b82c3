# A weak reference to an object being finalized is already dead in Kaa and CPython alike once
# the object is gone; callbacks and __del__ both run.
import weakref

class C:
    def __del__(self):
        print("__del__")

c = C()
r = weakref.ref(c, lambda w: print("callback"))
del c
print("after", r())
