# Weak references to objects in a garbage cycle die when the collector frees the cycle.
import gc
import weakref

class Node:
    pass

gc.collect()
a = Node()
b = Node()
a.b = b
b.a = a
ra = weakref.ref(a)
rb = weakref.ref(b, lambda w: print("b's callback"))
del a, b
print(ra() is not None, rb() is not None)
gc.collect()
print(ra(), rb())
