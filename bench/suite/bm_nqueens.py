# Generators, sets and permutations: every placement of n queens, found by filtering the
# permutations of the columns whose diagonals are all distinct.
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, first in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            rest.insert(0, first)
            yield rest

def queens(n):
    cols = range(n)
    for p in permutations(list(cols)):
        if n == len(set(p[i] + i for i in cols)) == len(set(p[i] - i for i in cols)):
            yield tuple(p)

for _ in range(1 if QUICK else 3):
    solutions = list(queens(6 if QUICK else 8))
print(len(solutions), solutions[0], solutions[-1], sum(sum(s) * k for k, s in enumerate(solutions)))
