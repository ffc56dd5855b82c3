# Truthiness of many values, and/or returning operands, conditional expressions.
values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (None,), {}, {"k": 0}, None, True, False, range(0), range(2)]
print([bool(v) for v in values])
print([v or "default" for v in (0, "", None, "set", 5)])
print([v and "yes" for v in (0, "", None, "set", 5)])
print(1 and 2 and 3, 1 and 0 and 3, 0 or "" or None, 0 or "" or "last")
grade = lambda s: "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 10)])
print(not 0, not "x", not not [], (lambda: None)() is None)
