# Bitwise operations, shifts on negative numbers, popcount by hand.
def popcount(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count


print([popcount(n) for n in (0, 1, 255, 2 ** 40 - 1, 12345)])
print(-1 >> 10, -8 >> 1, -1 << 3, ~0, ~-1, ~5, 5 & -2, -5 | 3, -5 ^ 3, 6 ^ 3)
print((1 << 100) | 1, ((1 << 100) | 1) & 3, (1 << 100) >> 99, -(1 << 100) >> 98)
mask = 0
for bit in (0, 3, 5, 64):
    mask |= 1 << bit
print(mask, [b for b in range(70) if mask >> b & 1])
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
print(1 & 2.0)
