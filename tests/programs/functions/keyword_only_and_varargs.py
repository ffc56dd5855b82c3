# All parameter kinds in definitions, called without star-unpacking.
def report(title, *items, sep=", ", end="!", **extra):
    text = title + ": " + sep.join(str(i) for i in items) + end
    for key in sorted(extra):
        text += f" [{key}={extra[key]}]"
    return text


print(report("empty"))
print(report("nums", 1, 2, 3))
print(report("nums", 1, 2, sep="-", end="."))
print(report("x", "a", color="red", size=3))


def tally(*args):
    return len(args), type(args).__name__, args


print(tally())
print(tally(1, "two", [3]))


def kwonly(*, a, b=2):
    return a * b


print(kwonly(a=4), kwonly(b=5, a=6))
