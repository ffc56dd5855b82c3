# Chained comparisons evaluate each operand once and short-circuit.
def v(x, log):
    log.append(x)
    return x


log = []
print(v(1, log) < v(2, log) < v(3, log), log)
log = []
print(v(3, log) < v(2, log) < v(1, log), log)
log = []
print(v(1, log) == v(1, log) != v(2, log) >= v(2, log), log)
print(1 < 2 > 1, 1 is not None, None is None, 3 in [1, 2, 3] not in [[1]], (1, 2) < (1, 3), [1, 2] == [1, 2])
print((1, "a") < (1, "b"), (2,) > (1, 99), [] < [0], "10" < "9")
try:
    1 < "1"
except TypeError as e:
    print("TypeError:", e)
print([1] < [None])
