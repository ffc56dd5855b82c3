# Errors from calling builtins wrongly.
tests = [
    lambda: len(5),
    lambda: len(),
    lambda: abs("x"),
    lambda: int([1]),
    lambda: float(None),
    lambda: max([]),
    lambda: min(),
    lambda: sum(["a", "b"]),
    lambda: sorted(5),
    lambda: iter(3),
    lambda: next([1]),
    lambda: chr("a"),
]
for t in tests:
    try:
        t()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
isinstance(1, "int")
