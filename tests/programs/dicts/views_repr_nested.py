d = {"a": {"b": [1, 2]}, "c": (3,)}
print(d.keys(), d.values(), d.items())
print(str(d.items()), repr(d.values()))
e = {}
e["self"] = e.keys()
print(len(e), list(e))
print({1: "x"}.items().mapping, type({}.keys().mapping).__name__)
