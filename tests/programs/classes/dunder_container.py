# A container class: __len__, __getitem__, __setitem__, __contains__, __iter__, __delitem__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = [0] * (w * h)

    def __len__(self):
        return len(self.cells)

    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {pos} outside {self.w}x{self.h}")
        return self.cells[y * self.w + x]

    def __setitem__(self, pos, value):
        x, y = pos
        self.cells[y * self.w + x] = value

    def __contains__(self, value):
        return value in self.cells

    def __iter__(self):
        for y in range(self.h):
            yield [self.cells[y * self.w + x] for x in range(self.w)]


g = Grid(3, 2)
g[1, 1] = 5
g[2, 0] = 7
print(len(g), g[1, 1], 5 in g, 9 in g)
for row in g:
    print(row)
try:
    g[3, 0]
except IndexError as e:
    print("IndexError:", e)
print(list(g))
