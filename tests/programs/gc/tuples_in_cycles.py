# Cycles through tuples, bound methods and nested containers.
import gc
gc.collect()

l = []
t = (l, 1)
l.append(t)
del l, t
print("tuple cycle found:", gc.collect() >= 1)

class C:
    def method(self):
        return 1

c = C()
c.cb = c.method
del c
print("bound method cycle found:", gc.collect() >= 1)

d = {"list": [{"inner": None}]}
d["list"][0]["inner"] = d
del d
print("nested dict cycle found:", gc.collect() >= 3)
