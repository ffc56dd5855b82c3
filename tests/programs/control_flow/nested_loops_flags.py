# Breaking out of nested loops with flags and functions; continue in nested loops.
grid = [[3, 8, 1], [9, 4, 7], [2, 6, 5]]


def find(target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None


print(find(7), find(10))
found = None
for r in range(3):
    for c in range(3):
        if grid[r][c] > 8:
            found = (r, c)
            break
    if found:
        break
print(found, r, c)
total = 0
for row in grid:
    for v in row:
        if v % 2:
            continue
        total += v
print(total)
