d = {"one": 1, "two": 2, "three": 3}
for k, v in d.items():
    print(k, v)
print([k for k in d.keys()], [v * 2 for v in d.values()])
print(dict(d.items()), list(zip(d.keys(), d.values())))
it = iter(d.items())
print(next(it), next(it))
d["two"] = 22
print(next(it))
print(sorted(d.values()), max(d.keys()), sum(d.values()), min(d.items()))
print(list(enumerate(d)), tuple(d.values()), set(d.keys()) == set(d))
print(len(list(reversed(d.items()))), list(reversed(d.keys())))
a, b, c = d.values()
print(a, b, c)
keys = d.keys()
print(len(keys), bool(keys), "one" in keys, "four" not in keys)
print(any(v > 20 for v in d.values()), all(k.islower() for k in keys))
