class V:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x

    def __neg__(self):
        return V(-self.x)

    def __pos__(self):
        return V(+self.x + 0.5)

    def __invert__(self):
        return V(~self.x)

    def __abs__(self):
        return V(abs(self.x))

    def __repr__(self):
        return f"V({self.x!r})"


class Plain:
    pass


class NegOnly:
    def __neg__(self):
        return "negated"


print(-V(3), +V(3), ~V(3), abs(V(-4)), -(-V(2)))
print(-NegOnly())
for op, name in [(lambda o: -o, "-"), (lambda o: +o, "+"), (lambda o: ~o, "~"), (abs, "abs")]:
    for obj in (Plain(), NegOnly(), "s", [1]):
        try:
            print(name, op(obj))
        except TypeError as e:
            print(name, type(e).__name__, e)
print(~V(True), -True, +False, ~True)
