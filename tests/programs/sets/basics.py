s = {5, 3, 1, 3, 9, 17, 33}
print(s, len(s), 3 in s, 4 in s)
s.add(100)
s.add(-1)
s.discard(5)
print(s, sorted(s))
t = set(range(10, 0, -1))
print(t, set("hello") == set("olleh"), set(), frozenset(), frozenset([3, 1, 2]))
a = {1, 2, 3, 4, 40, 64}
b = {3, 4, 5, 6, 72}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([100, 7]), a.intersection(b, {4}), a.difference([1]), a.symmetric_difference(b))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} > {2}, {1} == {1.0}, {1, 2}.isdisjoint({3}))
print({x % 7 for x in range(50)}, {n * n for n in [-3, 3, 2]})
big = set(range(0, 200, 7))
print(big)
for x in range(0, 200, 14):
    big.discard(x)
print(big, big.pop(), len(big))
words = {"pear", "apple", "fig"}
print(len(words), sorted(words), "fig" in words)
f = frozenset({1, 2, 3})
print(hash(f) == hash(frozenset([3, 2, 1])), {f: "ok"}[frozenset([1, 2, 3])])
u = {1}
u |= {2, 3}
u -= {1}
print(u)
