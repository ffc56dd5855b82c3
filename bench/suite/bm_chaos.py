# The chaos game: an iterated function system (affine maps picked by weight with a seeded
# generator) drawn into a character grid, plus a checksum of the visited cells.
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

class LCG:
    def __init__(self, seed):
        self.state = seed

    def random(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 11) / float(1 << 53)

class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.m = (a, b, c, d, e, f)
        self.weight = weight

    def apply(self, x, y):
        a, b, c, d, e, f = self.m
        return a * x + b * y + e, c * x + d * y + f

MAPS = [
    Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
    Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
    Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
    Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
]

def pick(maps, r):
    for m in maps:
        r -= m.weight
        if r < 0:
            return m
    return maps[-1]

def draw(width, height, iterations):
    grid = [[0] * width for _ in range(height)]
    rng = LCG(2024)
    x, y = 0.0, 0.0
    for _ in range(iterations):
        x, y = pick(MAPS, rng.random()).apply(x, y)
        col = int((x + 2.7) / 5.5 * (width - 1))
        row = int((10.0 - y) / 10.0 * (height - 1))
        if 0 <= col < width and 0 <= row < height:
            grid[row][col] += 1
    return grid

grid = draw(64, 48, 3000 if QUICK else 300000)
lit = sum(1 for row in grid for v in row if v)
checksum = sum((r * 64 + c) * v for r, row in enumerate(grid) for c, v in enumerate(row)) % 1000003
print(lit, checksum)
print("\n".join("".join("#" if v > 20 else ("." if v else " ") for v in row) for row in grid[::6]))
