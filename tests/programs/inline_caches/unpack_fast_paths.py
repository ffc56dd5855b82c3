a, b = 1, 2
c, d = [3, 4]
(e, f), g = (5, 6), 7
print(a, b, c, d, e, f, g)
for x, y in [(1, 2), [3, 4]]:
    print(x + y)
try:
    p, q = (1, 2, 3)
except ValueError as err:
    print(err)
try:
    p, q = [1]
except ValueError as err:
    print(err)
h, *rest = range(5)
print(h, rest)
