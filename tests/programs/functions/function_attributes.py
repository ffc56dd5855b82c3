# Functions are objects: names, attributes, identity, passing them around.
def square(x):
    """Return x squared."""
    return x * x


def compose(f, g):
    def composed(x):
        return f(g(x))
    return composed


def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x


inc = lambda v: v + 1
print(square.__name__, inc.__name__, square.__doc__)
print(compose(square, inc)(3), compose(inc, square)(3))
print(apply_n(square, 3, 2), apply_n(inc, 10, 0))
table = {"sq": square, "inc": inc}
print([table[k](5) for k in sorted(table)])
print(callable(square), callable(3), square is square, square == inc)
square.tag = "math"
print(square.tag)
