# WeakSet: members disappear with their objects.
import weakref

class Item:
    def __init__(self, n):
        self.n = n

s = weakref.WeakSet()
a, b, c = Item(1), Item(2), Item(3)
s.add(a)
s.add(b)
s.add(b)
s.update([c])
print(len(s), a in s, Item(9) in s, 1 in s)
del b
print(len(s), sorted(x.n for x in s))
s.discard(a)
print(len(s))
s.remove(c)
print(len(s))
try:
    s.remove(c)
except KeyError:
    print("KeyError")
s2 = weakref.WeakSet([a, c])
print(len(s2))
del a
print(len(s2), [x.n for x in s2])
