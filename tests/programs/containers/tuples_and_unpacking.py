# Tuples: packing, unpacking, nesting, immutability, single-element tuples, swaps.
point = 3, 4
x, y = point
(a, b), c = (1, 2), 3
single = (5,)
empty = ()
print(point, x, y, a, b, c, single, empty, len(single), type(empty).__name__)
x, y = y, x
print(x, y, point + (5,), point * 2, (1, 2) == (1, 2), (1, 2) < (1, 2, 0))
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), (1, [2]) [1], point.index(4), (1, 1, 2).count(1))
for i, (name, score) in enumerate([("ann", 9), ("bob", 7)]):
    print(i, name, score)
try:
    point[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    p, q, r = point
except ValueError as e:
    print("ValueError:", e)
p, = point
