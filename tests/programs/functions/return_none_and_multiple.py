# Implicit None, early return, returning tuples and unpacking them.
def nothing():
    pass


def early(x):
    if x < 0:
        return
    return x * 2


def divmod_like(a, b):
    return a // b, a % b


def stats(values):
    lo = hi = values[0]
    total = 0
    for v in values:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
        total += v
    return lo, hi, total / len(values)


print(nothing(), early(-1), early(4))
q, r = divmod_like(17, 5)
print(q, r, divmod_like(-17, 5), divmod(-17, 5))
lo, hi, mean = stats([4, 8, 15, 16, 23, 42])
print(lo, hi, mean)
result = stats([1])
print(result, type(result).__name__, len(result))
