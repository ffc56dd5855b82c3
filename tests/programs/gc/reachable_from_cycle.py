# Objects reachable from garbage cycles are freed with them; objects the cycle points at that
# are referenced elsewhere survive.
import gc
gc.collect()

class Box:
    def __init__(self, payload):
        self.payload = payload

keep = ["kept"]
a = Box(keep)
b = Box([1, 2, 3])
a.b = b
b.a = a
del a, b
n = gc.collect()
print(n >= 2, keep)

data = {"k": [1, 2]}
c = Box(data)
c.me = c
del c
gc.collect()
print(data)
