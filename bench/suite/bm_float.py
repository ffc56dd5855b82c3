# Object creation and float maths: many small point objects made from sin/cos, normalized,
# then reduced to their component-wise maximum.
from math import sin, cos, sqrt
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def widest(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self

def run(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.widest(p)
    return best

total = 0.0
for round_ in range(1 if QUICK else 6):
    b = run(500 if QUICK else 60000)
    total += b.x + b.y + b.z
print("%.12f" % total)
