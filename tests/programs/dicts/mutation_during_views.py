d = dict.fromkeys(range(6), 0)
try:
    for k in d:
        d.pop(k)
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
try:
    for v in d.values():
        d["new"] = v
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    for item in d.items():
        d.clear()
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
d = {1: 1, 2: 2}
for k in list(d):
    d[k * 10] = d.pop(k)
print(d)
d = {"a": 1}
for k in d:
    d[k] = 2
print(d)
d = {i: i for i in range(3)}
it = reversed(d)
print(next(it))
d[9] = 9
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
