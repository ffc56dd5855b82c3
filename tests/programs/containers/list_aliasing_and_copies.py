# Shallow copies share inner objects; equality versus identity.
grid = [[0] * 3 for _ in range(3)]
alias = grid
shallow = grid[:]
copied = list(grid)
deep = [row[:] for row in grid]
grid[0][0] = 1
grid.append([9])
print(alias is grid, shallow is grid, shallow == grid, len(shallow), len(alias))
print(shallow[0][0], copied[0][0], deep[0][0], shallow[0] is grid[0], deep[0] is grid[0])
a = [1, [2, 3]]
b = a.copy()
b[1].append(4)
b[0] = 100
print(a, b, a == [1, [2, 3, 4]], [1, 2] == [1, 2.0], [[]] * 2)
x = [1, 2, 3]
x += [4]
y = x
x = x + [5]
print(x, y, x is y)
