# WeakKeyDictionary: entries go away with their keys.
import weakref

class Key:
    def __init__(self, n):
        self.n = n

d = weakref.WeakKeyDictionary()
k1, k2 = Key(1), Key(2)
d[k1] = "one"
d[k2] = "two"
print(len(d), d[k1], k2 in d, Key(3) in d, 5 in d)
del k1
print(len(d), list(d.values()), [k.n for k in d.keys()])
d[k2] = "TWO"
print(d[k2], len(d), d.get(k2), d.get(Key(9), "none"))
print(sorted((k.n, v) for k, v in d.items()))
del d[k2]
print(len(d))
try:
    d[Key(4)]
except KeyError:
    print("KeyError")
