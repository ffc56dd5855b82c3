# Dicts of up to 8 entries are searched without an index; crossing that size (with deletions
# leaving tombstones on the way) must keep every lookup, order and equality intact.
d = {}
for i in range(12):
    d["k%d" % i] = i
    if i % 3 == 2:
        del d["k%d" % (i - 1)]
    print(len(d), list(d)[-3:], "k0" in d, d.get("k%d" % (i - 1)))
print(d == {k: v for k, v in d.items()}, sorted(d.values()))
# Equal hashes, different keys (ints and floats with the same hash).
e = {1: "int", 1.5: "float", 2**61 - 1 + 1: "wrap", -1: "minus", -2: "minus2"}
print(e[1.0], e[1.5], e[1], e[-1], e[-2], e.get(0.5), len(e))
# Churn: insert and delete repeatedly in a small dict.
f = {}
for i in range(100):
    f[i] = i * i
    if i >= 3:
        del f[i - 3]
print(f, list(f.items()))
class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return isinstance(other, Key) and other.n == self.n
g = {Key(i): i for i in range(10)}
print([g[Key(i)] for i in range(10)], Key(11) in g)
del g[Key(4)]
print(len(g), Key(4) in g, g.pop(Key(5)), len(g))
h = dict.fromkeys("abcdefgh")
h.popitem()
h["z"] = 1
print(list(h), h.setdefault("q", 2), list(h))
