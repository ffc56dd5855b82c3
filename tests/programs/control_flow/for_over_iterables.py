# for loops over many kinds of iterables, including ranges with steps and mutation of the loop variable.
for label, it in (("str", "abc"), ("tuple", (1, 2)), ("dict", {"x": 1, "y": 2}), ("range", range(10, 0, -3)),
                  ("empty", range(5, 5)), ("genexp", (i * i for i in range(3)))):
    out = []
    for item in it:
        out.append(item)
    print(label, out)
for i in range(3):
    i = i * 10
    print(i, end=" ")
print()
print(list(range(-5, 5, 4)), list(range(0)), range(1, 10, 2)[2], len(range(0, 100, 7)), 7 in range(0, 10, 7))
for ch in 12:
    pass
