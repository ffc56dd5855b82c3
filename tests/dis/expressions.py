def classify(x):
    if 0 < x <= 10 and x != 5:
        return "small"
    elif x > 10 or x < -10:
        return "big"
    elif not x:
        return "zero"
    return "other"


def pick(a, b):
    return a if a is not None else b


def arithmetic(a, b):
    return (a + b) * (a - b) // 3 % 7 ** 2, -a, ~b, a / b, a << 2 | b >> 1 & 3 ^ 1


print([classify(v) for v in (3, 5, 20, 0, -3)])
print(pick(None, 2), pick(1, 2), arithmetic(9, 4))
print(1 in [1, 2], 3 not in (1, 2), [] or "empty", 0 and 1)
