# range() with bounds beyond 64 bits.
r = range(1 << 70)
print(r, r[3], r[-1], 5 in r, (1 << 70) in r, type(iter(r)).__name__, bool(r), bool(range(2**64, 0)))
print(len(range(10**20, 10**20 + 5)), list(range(2**64, 2**64 + 3)), list(reversed(range(2**64, 2**64 + 3))))
print(range(2**64, 2**65, 2**63)[1:], range(2**64, 2**65, 2**63).index(2**64 + 2**63), r.count(7))
print(range(0, -2**70, -2**68)[2], list(range(2**63 - 2, 2**63 + 1)))
try:
    len(r)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    r[1 << 80]
except IndexError as e:
    print(type(e).__name__, e)
