# Subclasses of list, dict, tuple, set.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]

s = Stack([1, 2])
s.push(3)
print(s, repr(s), len(s), s.peek(), s[0], s[1:], list(s), s + [4], [0] + s, 3 in s, s == [1, 2, 3])
s += [9]
print(s, type(s).__name__)
s *= 2
print(s, type(s).__name__, sorted(s), list(reversed(s))[:2])
s[0] = 100
del s[1]
s.sort()
print(s, s.pop(), s.index(9), bool(Stack()), bool(s))
try:
    hash(s)
except TypeError as e:
    print(type(e).__name__, e)

class Defaults(dict):
    def __missing__(self, key):
        self[key] = value = key * 2
        return value

d = Defaults(a=1)
print(d["a"], d["zz"], d, len(d), "zz" in d, d.get("q"), sorted(d), list(d.items()), type(d).__name__)
d.update({"b": 2})
print(d, dict(d), {**d}, d == {"a": 1, "zz": "zzzz", "b": 2}, d.keys() == {"a", "zz", "b"})

class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
    def __setattr__(self, name, value):
        self[name] = value

ad = AttrDict(x=1)
ad.y = 2
print(ad.x, ad.y, ad, vars(ad) if False else None)

class Logged(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
lg = Logged()
lg["k"] = 1
print(lg, lg["k"])

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return f"Point({self[0]}, {self[1]})"

p = Point(1, 2)
a, b = p
print(p, p.x, a, b, len(p), p + (3,), p == (1, 2), hash(p) == hash((1, 2)), tuple(p), isinstance(p, tuple))
print(sorted([Point(2, 1), Point(1, 5)]), {p: "p"}[(1, 2)], p.count(1), p[::-1])

class Tags(set):
    pass
t = Tags([1, 2])
t.add(3)
print(sorted(t), len(t), 2 in t, t | {9} == {1, 2, 3, 9}, type(t).__name__, t == {1, 2, 3})
t |= {4}
print(sorted(t), type(t).__name__)

class Frozen(frozenset):
    pass
f = Frozen([1, 2])
print(sorted(f), hash(f) == hash(frozenset([1, 2])), f == {1, 2}, type(f).__name__)

class Recorder(list):
    def __init__(self, *items):
        super().__init__(items)
        self.count = len(items)
r = Recorder(1, 2, 3)
print(r, r.count, len(r))
