# A hexagonal tile puzzle solved by backtracking with constraint checks (the workload of
# Hexiom): numbered tiles go on a hexagonal board so that every tile's number equals how many
# of its neighbours hold tiles. Puzzles are made from seeded random layouts; every solution is
# counted.
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

def hex_cells(radius):
    cells = []
    for q in range(-radius, radius + 1):
        for r in range(-radius, radius + 1):
            if abs(q + r) <= radius:
                cells.append((q, r))
    return cells

DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))

class Board:
    def __init__(self, radius):
        self.cells = hex_cells(radius)
        index = {c: i for i, c in enumerate(self.cells)}
        self.neighbours = []
        for (q, r) in self.cells:
            self.neighbours.append(tuple(index[(q + dq, r + dr)] for dq, dr in DIRECTIONS
                                         if (q + dq, r + dr) in index))

    def make_puzzle(self, seed, occupied):
        order = list(range(len(self.cells)))
        x = seed
        for i in range(len(order) - 1, 0, -1):
            x = (x * 214013 + 2531011) & 0xFFFFFFFF
            j = (x >> 16) % (i + 1)
            order[i], order[j] = order[j], order[i]
        full = set(order[:occupied])
        tiles = {}
        for cell in full:
            n = sum(1 for m in self.neighbours[cell] if m in full)
            tiles[n] = tiles.get(n, 0) + 1
        return tiles

    def solve(self, tiles):
        ncell = len(self.cells)
        placed = [-2] * ncell  # -2 undecided, -1 empty, else the tile's number
        remaining = dict(tiles)
        empties_left = [ncell - sum(tiles.values())]
        solutions = [0]

        def consistent(cell):
            # Every decided tile next to (or at) cell can still reach its number.
            for c in (cell,) + self.neighbours[cell]:
                want = placed[c]
                if want < 0:
                    continue
                full = undecided = 0
                for m in self.neighbours[c]:
                    if placed[m] == -2:
                        undecided += 1
                    elif placed[m] >= 0:
                        full += 1
                if full > want or full + undecided < want:
                    return False
            return True

        def place(cell):
            if cell == ncell:
                solutions[0] += 1
                return
            if empties_left[0]:
                placed[cell] = -1
                empties_left[0] -= 1
                if consistent(cell):
                    place(cell + 1)
                empties_left[0] += 1
            for number in sorted(remaining):
                if remaining[number] == 0:
                    continue
                placed[cell] = number
                remaining[number] -= 1
                if consistent(cell):
                    place(cell + 1)
                remaining[number] += 1
            placed[cell] = -2

        place(0)
        return solutions[0]

board = Board(1 if QUICK else 2)
counts = []
for seed in (2, 5):
    tiles = board.make_puzzle(seed, 4 if QUICK else 11)
    counts.append((sorted(tiles.items()), board.solve(tiles)))
for c in counts:
    print(c)
