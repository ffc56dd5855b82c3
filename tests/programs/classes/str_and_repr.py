# __str__ versus __repr__ in print, f-strings, containers and str().
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"


class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"


p = Point(1, "a")
print(p, str(p), repr(p))
print([p, p], (p,), {"k": p})
print(f"{p} {p!r} {p!s}")
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
