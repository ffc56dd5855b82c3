# Lists, dicts and sets in cycles.
import gc
gc.collect()
l = []
l.append(l)
del l
print("list:", gc.collect())

d = {}
d["d"] = d
del d
print("dict:", gc.collect())

a = []
b = [a]
a.append(b)
del a, b
print("two lists:", gc.collect())

x = [1, 2, 3]
y = {"x": x}
x.append(y)
print("alive:", gc.collect(), len(x), list(y))
del x, y
print("now dead:", gc.collect())
