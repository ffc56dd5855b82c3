def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

print([classify(n) for n in (-5, 0, 7, 100)])
x = 5
print("even" if x % 2 == 0 else "odd")
if (y := x * 2) > 5:
    print("walrus", y)
assert x == 5, "x should be five"
print(chr(65), ord("a"), hash(1) == hash(1.0), isinstance(1, int), isinstance("s", (int, str)))
