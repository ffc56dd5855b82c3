# KeyError variants and unhashable keys.
d = {"a": 1}
for thunk in (lambda: d["b"], lambda: d.pop("b"), lambda: {}.popitem(), lambda: d[(1, 2)]):
    try:
        thunk()
    except KeyError as e:
        print("KeyError:", e, repr(e))
try:
    d[[1, 2]] = 3
except TypeError as e:
    print("TypeError:", e)
try:
    {"k": 1}[{}]
except TypeError as e:
    print("TypeError:", e)
d[("missing", 1)]
