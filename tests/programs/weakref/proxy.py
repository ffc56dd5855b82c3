# weakref.proxy forwards attribute access and calls; after death it raises ReferenceError.
import weakref

class C:
    def __init__(self):
        self.x = 10
    def double(self):
        return self.x * 2
    def __str__(self):
        return "C-object"

o = C()
p = weakref.proxy(o)
print(p.x, p.double(), str(p))
p.y = 5
print(o.y)
print(type(p).__name__)
del o
for action in ["get", "set", "call"]:
    try:
        if action == "get":
            p.x
        elif action == "set":
            p.z = 1
        else:
            p.double()
    except ReferenceError as e:
        print(action, type(e).__name__, e)

def f(a):
    return a + 1
pf = weakref.proxy(f)
print(pf(1), type(pf).__name__)
