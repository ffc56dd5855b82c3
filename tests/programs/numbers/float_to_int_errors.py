# Converting special floats to int, and int() of huge floats.
print(int(1e20), int(-2.5), int(2 ** 0.5 * 10 ** 10))
for v in (float("inf"), float("-inf"), float("nan")):
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(float(2 ** 1023) > 0)
float(2 ** 1024)
