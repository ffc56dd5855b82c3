# int()/float()/str() conversions, with bases and the errors of bad input.
print(int("42"), int("-0x1f", 16) if False else int("-1f", 16), int("0b101", 0), int("  7  "), int("1_000"))
print(float("3.5"), float("-inf"), float("1e3"), float(" 2 "), str(1.0), str(-0.0), str(1e16), str(1e-5))
print(int(3.99), int(-3.99), int(True), float(7), str(10 ** 20), int("9" * 25) + 1)
for bad in ("abc", "1.5", "", "12a"):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ("x", "1.2.3"):
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
int("ff", 10)
