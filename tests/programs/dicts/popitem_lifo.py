d = {c: i for i, c in enumerate("abcde")}
out = []
while d:
    out.append(d.popitem())
print(out)
d = {1: 1, 2: 2}
d[3] = 3
del d[2]
d[2] = 22
print(d.popitem(), d.popitem(), d)
try:
    d.popitem()
    d.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    d.popitem(1)
except TypeError as e:
    print(type(e).__name__, e)
