# Ints overflow transparently into big ints and shrink back.
x = 2 ** 62
print(x, x * 2, x * 4, (x * 4) // 4 == x, type(x * 4).__name__)
f = 1
for i in range(1, 31):
    f *= i
print(f, len(str(f)), f % 1000007, f // 10 ** 20)
print(-(2 ** 63), -(2 ** 63) - 1, 2 ** 64 - 1, (2 ** 64) >> 3, 1 << 70, (1 << 70) & 0xFFFF)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * -1)
big = 3 ** 100
print(big, big % 7, -big // 13, -big % 13, divmod(big, 10 ** 10))
print(abs(-big) == big, big > 2 ** 158, big < 2 ** 159, hash(2 ** 70) == hash(2 ** 70))
print((10 ** 25) // (10 ** 24), 10 ** 25 - 10 ** 25 == 0)
