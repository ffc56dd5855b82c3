d = dict.fromkeys("abc")
print(d, dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []))
print(d.setdefault("a", 5), d.setdefault("z", 9), d.setdefault("w"), d)
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
x = {"a": 1, "b": 2}
y = {"b": 3, "c": 4}
print(x | y, y | x, x, y)
z = x
z |= y
print(z, x is z)
z |= [("d", 5)]
z |= {"e": 6}.items()
print(z)
try:
    x | [("q", 1)]
except TypeError as e:
    print(type(e).__name__, e)
try:
    x |= 5
except TypeError as e:
    print(type(e).__name__, e)
print(x.get("zz"), x.get("a", "dflt"), x.pop("a"), x.pop("a", "gone"))
try:
    x.pop("a")
except KeyError as e:
    print(type(e).__name__, e)
c = x.copy()
c["new"] = 1
print("new" in x, "new" in c)
print(dict(x.items()) == x, dict(zip(x.keys(), x.values())) == x)
print(list({1: 2, 3: 4}.values()), sorted({"b": 1, "a": 2}))
