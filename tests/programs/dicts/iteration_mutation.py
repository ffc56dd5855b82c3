d = {i: i * i for i in range(5)}
try:
    for k in d:
        if k == 2:
            d[10] = 100
except RuntimeError as e:
    print(type(e).__name__, e)
print(len(d))
try:
    for k in d.keys():
        del d[k]
except RuntimeError as e:
    print(type(e).__name__, e)
print(sorted(d))
for k, v in d.items():
    d[k] = v + 1
print(d)
it = iter(d.values())
print(next(it))
d.pop(3)
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    next(it)
except (RuntimeError, StopIteration) as e:
    print(type(e).__name__)
keys = list(d)
for k in keys:
    d.pop(k)
print(d)
it = iter({"only": 1})
print(next(it), next(it, "done"))
