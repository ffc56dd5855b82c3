# Dict displays with ** unpacking, views reflecting changes, fromkeys, equality.
defaults = {"color": "red", "size": 1}
overrides = {"size": 3, "shape": "box"}
merged = {**defaults, **overrides, "extra": True}
print(merged)
merged["late"] = 0
keys = merged.keys()
values = merged.values()
print(len(keys), list(keys)[-1], list(values)[-1], "late" in keys)
print(dict.fromkeys("abc", 0), dict.fromkeys([1, 2]), {1: "a"} == {1: "a"}, {1: "a"} != {1: "b"})
print(list(zip_like for zip_like in merged.items())[:2])
print([*range(3), *"ab"], (*[1, 2], 3), [*merged][:2])
