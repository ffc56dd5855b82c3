import sys
r = range(1 << 70)
print(r, type(r), type(r) is range, bool(r), bool(range(1 << 70, 0)))
print(r.start, r.stop, r.step)
it = iter(r)
print(next(it), next(it))
print(r[5], r[-1], (1 << 70) - 1 in r, (1 << 70) in r, 3 in r, -1 in r)
s = range(-(1 << 65), 1 << 65, 1 << 64)
print(list(s), s[1], s[-1])
print(list(range(10**20, 10**20 + 3)))
print(list(range(10**20 + 2, 10**20 - 1, -1)))
print(len(range(10**20, 10**20 + 7, 2)))
for bad in (lambda: len(r), lambda: r[1 << 70], lambda: range(0, 1 << 70, 0)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(range(sys.maxsize + 1))
print(list(range(sys.maxsize - 1, sys.maxsize + 2)))
