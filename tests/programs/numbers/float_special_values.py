# nan and inf behave as IEEE 754 says; -0.0 keeps its sign.
nan = float("nan")
inf = float("inf")
print(nan != nan, nan < 1, nan > 1, nan == nan, [nan] == [nan] if False else "", inf > 10 ** 400, -inf < -(10 ** 400))
print(inf + 1, inf - inf, inf * -1, 0.0 * inf, 1 / inf, -1 / inf, -0.0 == 0.0)
print(-0.0, 0.0 * -1, abs(-0.0), str(-0.0), f"{-0.0:.1f}", -0.0 + 0.0)
print(max(1.0, nan), min(nan, 1.0), sorted([3.0, 1.0, 2.0]))
print(float("NaN"), float("-Infinity"), float("  inf  "), float("1_000.5"))
print(1e308 + 1e308, -1e308 * 10, 1e-320, 2.2250738585072014e-308 / 2)
