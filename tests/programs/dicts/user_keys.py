class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        print("eq", (self.x, self.y), (other.x, other.y) if isinstance(other, Point) else other)
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"P({self.x}, {self.y})"


d = {Point(1, 2): "a"}
print(d[Point(1, 2)])
d[Point(1, 2)] = "b"
print(d, len(d))
print(Point(1, 2) in d, Point(2, 1) in d)
print(d.get(Point(1, 2)), d.get(Point(5, 5), "missing"))
s = {Point(0, 0), Point(0, 0), Point(1, 1)}
print(len(s), Point(1, 1) in s)
s.discard(Point(0, 0))
print(s)
s.add(Point(1, 1))
print(len(s))
del d[Point(1, 2)]
print(d)
try:
    del d[Point(1, 2)]
except KeyError as e:
    print(type(e).__name__, e)
print({(Point(1, 1), 2): "tuple key"}[(Point(1, 1), 2)])
