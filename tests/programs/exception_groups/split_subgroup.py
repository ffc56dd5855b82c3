# split and subgroup by type, tuple of types and predicate, keeping the nesting.
eg = ExceptionGroup("top", [
    ValueError(1),
    TypeError(2),
    ExceptionGroup("mid", [ValueError(3), KeyError(4), ExceptionGroup("deep", [TypeError(5)])]),
])

def show(label, g):
    print(label, repr(g))

m, r = eg.split(ValueError)
show("match", m)
show("rest", r)
m, r = eg.split((TypeError, KeyError))
show("match", m)
show("rest", r)
m, r = eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)
show("match", m)
show("rest", r)
show("all", eg.subgroup(Exception))
print(eg.subgroup(Exception) is eg)
show("none", eg.subgroup(OSError))
m, r = eg.split(OSError)
print(m, r is not None and repr(r) == repr(eg))
show("groups", eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "deep"))
seen = []
eg.subgroup(lambda e: seen.append(type(e).__name__) or False)
print(seen)
for bad in (1, "x", int, (ValueError, 3)):
    try:
        eg.split(bad)
    except TypeError as e:
        print("TypeError", e)
