# dict methods: get/setdefault/pop/popitem/update/fromkeys/copy/clear and views-as-lists.
def check(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 9), d.setdefault("n"))
print(d, list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d.pop("z", "dflt"), d, d.popitem(), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3), ["w", 4], "uv"])
d.update(k=5)
d.update()
print(d)

class Mapping:
    def keys(self):
        return ["m1", "m2"]
    def __getitem__(self, key):
        return key.upper()
d.update(Mapping())
print(d)
c = d.copy()
c["x"] = 100
print(d["x"], c["x"], c == d, len(c))
c.clear()
print(c, d.fromkeys("ab"), dict.fromkeys([1, 2], "v"), dict.fromkeys(range(3), []))
print(dict.fromkeys({"p": 1, "q": 2}, 0), {}.fromkeys(()))
order = {}
for k in [3, 1, 2]:
    order[k] = k * k
order[1] = "one"
del order[3]
order[3] = "three"
print(order, order.popitem(), order.popitem(), order)
print({1: "a", True: "b", 1.0: "c"}.get(True), {(1, 2): "t"}.get((1, 2)), {"": 0}.pop(""))
check("get()", lambda: {}.get())
check("get 3", lambda: {}.get(1, 2, 3))
check("get kw", lambda: {}.get(x=1))
check("get list", lambda: {}.get([]))
check("pop()", lambda: {}.pop())
check("pop missing", lambda: {}.pop(1))
check("pop missing str", lambda: {}.pop("k"))
check("pop 3", lambda: {}.pop(1, 2, 3))
check("setdefault()", lambda: {}.setdefault())
check("setdefault list", lambda: {}.setdefault([]))
check("update int", lambda: {}.update(1))
check("update elem", lambda: {}.update([1]))
check("update len", lambda: {}.update([(1, 2, 3)]))
check("update len1", lambda: {}.update([[1]]))
check("update 2", lambda: {}.update([(1, 2)], []))
check("keys 1", lambda: {}.keys(1))
check("items 1", lambda: {}.items(1))
check("values 1", lambda: {}.values(1))
check("copy 1", lambda: {}.copy(1))
check("clear 1", lambda: {}.clear(1))
check("popitem 1", lambda: {}.popitem(1))
check("fromkeys()", lambda: dict.fromkeys())
check("fromkeys int", lambda: dict.fromkeys(1))
check("fromkeys 3", lambda: dict.fromkeys([1], 2, 3))
check("fromkeys kw", lambda: dict.fromkeys([1], x=1))
check("unbound", lambda: dict.get(1, 2))
{}.popitem()
