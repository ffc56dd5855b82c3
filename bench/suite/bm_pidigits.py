# Big-integer arithmetic: digits of pi from Gibbons' unbounded spigot (a linear fractional
# transformation kept as four integers that grow with every term).
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < count:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return digits

digits = pi_digits(100 if QUICK else 2600)
text = "".join(map(str, digits))
print(text[:50])
print(text[-50:])
print(sum(digits), len(text))
