d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(type(k).__name__, type(v).__name__, type(i).__name__)
d["c"] = 3
print(k, v, i, len(k), len(v), len(i))
del d["a"]
print(list(k), list(v), list(i))
print("b" in k, "a" in k, 2 in v, 9 in v, ("b", 2) in i, ("b", 3) in i, "b" in i)
d.clear()
print(k, v, i, bool(k), bool(d.items()))
d.update(x=1)
print(k, k.mapping, k.mapping is d)
print(list(reversed({"p": 1, "q": 2, "r": 3}.items())))
print(list(reversed({"p": 1, "q": 2}.values())), list(reversed({"p": 1, "q": 2})))
print({}.keys(), {}.values(), {}.items())
print(repr({1: [1, 2]}.items()), str({(1, 2): None}.keys()))
