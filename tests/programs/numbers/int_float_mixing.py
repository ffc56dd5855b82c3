# Mixed int/float arithmetic and comparisons, exactness of big-int comparisons with floats.
print(1 + 2.0, 3 * 0.5, 7 / 7, 2 ** -1, 4 ** 0.5, -8 // 3, -8 % 3, 8 // -3, 8 % -3)
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 30 == 1e30, 10 ** 30 < 1e30, int(1e30), float(10 ** 30))
print(0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9, 1 < 1.5 < 2, max(1, 2.5, 2), min(-1, -1.0))
print(True + True, True * 3.5, False - 1, int("7") + 0.5, 5 // True)
print(divmod(7.5, 2), divmod(-7, 2), pow(2, 10) if False else 2 ** 10, abs(-2.5), abs(-3))
print(float("1e400"), -float("1e400"), 2.0 ** 1023 * 2 == float("inf") if False else "skip")
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
