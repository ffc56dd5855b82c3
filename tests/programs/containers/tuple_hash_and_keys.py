# Tuples as dict keys, nested keys, hash of tuples with unhashable members.
grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * 3 + y
print(grid[(1, 2)], (2, 2) in grid, len(grid), sorted(grid)[:3])
nested = {((1, 2), "a"): "deep"}
print(nested[((1, 2), "a")], hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
{(1, {}): 1}
