# Dict insertion order, update, pop, setdefault, views, comprehension and deletion.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("z"), d.get("z", 0), d.pop("a"), d.pop("zz", "none"), d)
print(d.setdefault("b", 0), d.setdefault("new", []), d)
d.update({"c": 30, "e": 5})
d.update(f=6)
print(d, len(d), "c" in d, 30 in d)
del d["new"]
print({k: v for k, v in d.items() if v > 5}, sorted(d.items(), key=lambda kv: kv[1]))
copy = d.copy()
copy["b"] = 0
print(d["b"], copy["b"], d == copy, dict(a=1) == {"a": 1})
print(d.popitem(), d)
keys = {1: "int", 1.0: "float?", True: "bool?"}
print(keys, {(1, 2): "tuple key"}[(1, 2)])
