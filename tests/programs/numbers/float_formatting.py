# repr() of floats: shortest round-tripping form, exponents, special values.
values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 5e-324,
          1.7976931348623157e308, -0.0, 100.0, 2.5, 1e22, 1e23, 0.3, 3.0 * 1.1]
for v in values:
    print(repr(v), str(v), f"{v}")
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf - inf, inf * 0, nan == nan, inf == inf, 1e308 * 10)
print(2.675, 7 / 2, 7 // 2.0, -7 // 2.0, -7 % 2.5, 2 ** 0.5, 10 ** -2)
