# WeakValueDictionary: entries go away with their values.
import weakref

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Obj({self.name})"

d = weakref.WeakValueDictionary()
a, b, c = Obj("a"), Obj("b"), Obj("c")
d["a"] = a
d["b"] = b
d["c"] = c
print(len(d), sorted(d.keys()), d["b"])
del b
print(len(d), sorted(d.keys()), "b" in d, d.get("b"), d.get("b", "gone"))
try:
    d["b"]
except KeyError as e:
    print("KeyError", e)
print(sorted((k, v.name) for k, v in d.items()))
print(d.pop("a").name, len(d))
d.setdefault("x", a)
print(sorted(d), [v.name for v in d.values()])
del a
print(sorted(d))
d.clear()
print(len(d))
d2 = weakref.WeakValueDictionary({1: c})
print(list(d2.items()))
