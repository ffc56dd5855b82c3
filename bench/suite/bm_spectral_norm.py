# Numeric loops and function calls: the largest singular value of the infinite matrix
# a(i, j) = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), by power iteration on A^T A.
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)

def times(v):
    n = len(v)
    return [sum(entry(i, j) * v[j] for j in range(n)) for i in range(n)]

def times_transposed(v):
    n = len(v)
    return [sum(entry(j, i) * v[j] for j in range(n)) for i in range(n)]

def norm_estimate(n, rounds):
    u = [1.0] * n
    v = u
    for _ in range(rounds):
        v = times_transposed(times(u))
        u = times_transposed(times(v))
    vbv = sum(a * b for a, b in zip(u, v))
    vv = sum(b * b for b in v)
    return (vbv / vv) ** 0.5

print("%.9f" % norm_estimate(20 if QUICK else 220, 10))
