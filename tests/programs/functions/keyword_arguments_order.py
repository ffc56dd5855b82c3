# Argument evaluation order, keyword arguments in any order, defaults referencing earlier globals.
def trace(label, value):
    print("eval", label)
    return value


def f(a, b, c=0, *, d=0):
    return (a, b, c, d)


print(f(trace("a", 1), trace("b", 2), d=trace("d", 4), c=trace("c", 3)))
print(f(b=2, a=1), f(1, c=5, b=3))
base = 10


def g(x, y=base * 2):
    return x + y


base = 100
print(g(1))
