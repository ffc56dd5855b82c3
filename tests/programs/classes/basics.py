class Point:
    """A point in the plane."""
    dimensions = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def norm2(self):
        return self.x ** 2 + self.y ** 2

p = Point(1, 2)
q = Point(3, 4)
print(p, q, p + q, p == Point(1, 2), p != q, p.norm2(), Point.dimensions, p.dimensions)
print(Point.__name__, Point.__qualname__, Point.__doc__, type(p).__name__, isinstance(p, Point))
print(repr(p), str(q), [p, q])
p.x = 10
print(p, hasattr(p, "x"), hasattr(p, "z"), getattr(p, "z", "default"))
del p.x
print(hasattr(p, "x"))
