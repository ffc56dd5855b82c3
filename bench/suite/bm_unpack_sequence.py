# Sequence unpacking: tuples and lists of many sizes unpacked into names, with starred targets
# and swaps, in a tight loop.
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

def unpack_tuples(n):
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    total = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        total += a + j
    return total

def unpack_lists(n):
    xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    total = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = xs
        a, b, c, d, e, f, g, h, i, j = xs
        a, b, c, d, e, f, g, h, i, j = xs
        a, b, c, d, e, f, g, h, i, j = xs
        a, b, c, d, e, f, g, h, i, j = xs
        total += b + i
    return total

def swaps_and_stars(n):
    x, y, z = 1, 2, 3
    total = 0
    for k in range(n):
        x, y = y, x
        x, y, z = z, x, y
        first, *middle, last = (x, y, z, k)
        (p, q), r = (first, last), len(middle)
        total += p - q + r
    return total

N = 2000 if QUICK else 800000
print(unpack_tuples(N), unpack_lists(N), swaps_and_stars(N * 3 // 4))
