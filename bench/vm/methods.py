# Method calls and attribute access on class instances: inheritance, super(), properties, dunders.


class Shape:
    def __init__(self, name):
        self.name = name
        self.moves = 0

    def area(self):
        return 0

    def move(self, dx, dy):
        self.moves += 1
        self.x += dx
        self.y += dy


class Rect(Shape):
    def __init__(self, x, y, w, h):
        super().__init__("rect")
        self.x = x
        self.y = y
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    @property
    def right(self):
        return self.x + self.w


class Square(Rect):
    def __init__(self, x, y, side):
        super().__init__(x, y, side, side)
        self.name = "square"

    def area(self):
        return super().area() + 0


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Counter:
    def __init__(self):
        self.count = 0

    def tick(self, amount=1):
        self.count += amount
        return self


shapes = []
for i in range(60):
    if i % 2:
        shapes.append(Rect(i, -i, i % 7 + 1, i % 5 + 1))
    else:
        shapes.append(Square(-i, i, i % 4 + 1))

total = 0
for step in range(8000):
    for s in shapes:
        s.move(1, -1)
        total += s.area()
    total += shapes[step % 60].right

p = Point(0, 0)
d = Point(1, 2)
c = Counter()
for i in range(400000):
    p = p + d
    if p == d:
        c.tick()
    c.tick(2).tick()
print("methods", total, p.norm1(), c.count, shapes[5].moves, shapes[6].name)
