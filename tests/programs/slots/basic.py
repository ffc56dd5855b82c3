class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
print(Point.x, type(Point.x).__name__)
print(repr(Point.y))
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.__dict__
except AttributeError as e:
    print(type(e).__name__, e)
del p.y
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del p.y
except AttributeError as e:
    print(type(e).__name__, e)
p.y = 7
print(p.y, hasattr(p, "y"), getattr(p, "q", "none"))
print(Point.__slots__, sorted(k for k in Point.__dict__ if not k.startswith("__")))
print(Point.x.__get__(p, Point), Point.x.__get__(None, Point) is Point.x)
Point.y.__set__(p, 99)
print(p.y)
Point.x.__delete__(p)
print(hasattr(p, "x"))
