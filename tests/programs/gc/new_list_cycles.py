import gc, weakref
class T: pass
def make(kind):
    t = T()
    base = [t]
    if kind == "slice": l = base[:]
    elif kind == "sorted": l = sorted(base, key=id)
    elif kind == "copy": l = base.copy()
    elif kind == "concat": l = base + []
    elif kind == "repeat": l = base * 1
    elif kind == "star":
        a, *l = [0, t]
    l.append(l)
    return weakref.ref(t)
gc.collect()
for kind in ["slice", "sorted", "copy", "concat", "repeat", "star"]:
    r = make(kind)
    gc.collect()
    print(kind, r() is None)
