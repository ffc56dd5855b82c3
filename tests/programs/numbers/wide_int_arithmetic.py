# Integer arithmetic around the 64- and 128-bit boundaries (where Kaa switches between machine
# integers, 128-bit arithmetic and big integers): every operator, both signs, exact results.
values = [0, 1, -1, 7, -7, 2**31, 2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64 - 1, 2**64,
          -2**64, 2**100 + 12345, -2**100 - 3, 2**126, -2**126, 2**127 - 1, -2**127, 2**127,
          2**128 + 1, -2**128, 10**40]
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "&": lambda a, b: a & b,
    "|": lambda a, b: a | b,
    "^": lambda a, b: a ^ b,
}
checksum = 0
lines = 0
for name, f in ops.items():
    for a in values:
        for b in values:
            try:
                r = f(a, b)
            except ZeroDivisionError as e:
                r = len(str(e))
            checksum = (checksum * 31 + hash(r)) % (2**61 - 1)
            lines += 1
print(lines, checksum)

for a in values:
    for s in [0, 1, 11, 63, 64, 65, 100, 126, 127, 128, 200]:
        checksum = (checksum * 31 + hash(a << s) + hash(a >> s)) % (2**61 - 1)
print(checksum)

print((2**64 - 1) * (2**63 - 1), (-2**63) * (-2**63), (-2**63) * 2**64, -2**127 // -1)
print(-2**127 % 3, 2**127 // -3, (-2**100) // 7, (-2**100) % 7, 2**100 % -7, (2**127 - 1) % -(2**64))
print(type(2**64 - 2**64), 2**64 - 2**64, (2**70 >> 10) == 2**60, type(2**70 >> 10))
try:
    2**100 // 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    2**100 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
state = 2024
for _ in range(1000):
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
print(state, state >> 11, (state >> 11) / float(1 << 53))
