l = [10, 20, 30]
t = (1, 2, 3)
d = {"a": 1, "b": 2}
print(l[0], l[-1], t[1], t[-3], d["b"])
for bad in (3, -4):
    try:
        l[bad]
    except IndexError as e:
        print(e)
    try:
        t[bad]
    except IndexError as e:
        print(e)
try:
    d["zz"]
except KeyError as e:
    print(repr(e))
l[-1] = 99
l[0] += 1
print(l)
try:
    l[5] = 1
except IndexError as e:
    print(e)
print(l[True], t[False])
