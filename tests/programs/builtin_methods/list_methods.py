# list methods, with user-defined equality and errors.
def check(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

class Loud:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("  eq", self.v, other.v if isinstance(other, Loud) else other)
        return isinstance(other, Loud) and self.v == other.v
    def __repr__(self):
        return "Loud(" + str(self.v) + ")"

a = [3, 1, 4, 1, 5]
a.append(9)
a.insert(0, 2)
a.insert(-1, 6)
a.insert(100, 7)
a.insert(-100, 0)
print(a, a.count(1), a.count(8), a.index(1), a.index(1, 3), a.index(5, -5, -1))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.copy(), a.copy() is a)
a.extend([8, 8])
a.extend((7,))
a.extend("ab")
a.extend(range(2))
a.extend({"k": 1})
a.extend(a)
print(a, len(a))
a.reverse()
print(a)
b = a
a.clear()
print(a, b, [1, 2.0, True].count(1), [1, 2.0, True].index(True), [[1], (1,)].count([1]))

items = [Loud(1), Loud(2), Loud(1)]
print(items.count(Loud(1)))
print(items.index(Loud(2)))
items.remove(Loud(1))
print(items, Loud(2) in items)
x = Loud(5)
print([x].count(x), [x].index(x))

class Index:
    def __index__(self):
        return 1

n = [10, 20, 30]
n.insert(Index(), 15)
print(n, n.pop(Index()), n.index(30, Index()), n.index(20, -10**30, 10**30))
check("append()", lambda: [].append())
check("append 2", lambda: [].append(1, 2))
check("append kw", lambda: [].append(x=1))
check("insert 1", lambda: [].insert(1))
check("insert str", lambda: [].insert("a", 1))
check("insert big", lambda: [1].insert(10**30, 2))
check("pop empty", lambda: [].pop())
check("pop range", lambda: [1].pop(5))
check("pop str", lambda: [].pop("a"))
check("pop 2", lambda: [].pop(1, 2))
check("pop kw", lambda: [].pop(x=1))
check("remove", lambda: [1].remove(2))
check("remove()", lambda: [].remove())
check("index", lambda: [1, 2].index(3))
check("index str", lambda: ["a"].index("b"))
check("index()", lambda: [].index())
check("index slice", lambda: [1].index(1, "a"))
check("index none", lambda: [1].index(1, None))
check("index 4", lambda: [].index(1, 2, 3, 4))
check("count()", lambda: [].count())
check("extend int", lambda: [].extend(1))
check("extend()", lambda: [].extend())
check("reverse 1", lambda: [].reverse(1))
check("copy 1", lambda: [].copy(1))
check("clear 1", lambda: [].clear(1))
check("unbound", lambda: list.append(1, 2))
check("unbound none", lambda: list.append())
[1, 2, 3].remove(4)
