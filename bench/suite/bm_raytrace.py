# A small ray tracer: vector objects with operator methods, spheres and a plane, diffuse and
# specular lighting with shadows and one reflection, rendered to a grey-level grid.
import math
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def unit(self):
        return self * (1.0 / self.length())

class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.unit()

    def at(self, t):
        return self.origin + self.direction * t

class Sphere:
    def __init__(self, centre, radius, shade, shine):
        self.centre = centre
        self.radius = radius
        self.shade = shade
        self.shine = shine

    def hit(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        t = -b - math.sqrt(disc)
        return t if t > 1e-6 else None

    def normal(self, p):
        return (p - self.centre).unit()

class Plane:
    def __init__(self, point, normal_, shade, shine):
        self.point = point
        self.n = normal_.unit()
        self.shade = shade
        self.shine = shine

    def hit(self, ray):
        d = ray.direction.dot(self.n)
        if abs(d) < 1e-9:
            return None
        t = (self.point - ray.origin).dot(self.n) / d
        return t if t > 1e-6 else None

    def normal(self, p):
        return self.n

class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, 0.9, 0.5),
            Sphere(Vec(-1.8, 0.6, 4.0), 0.6, 0.6, 0.2),
            Sphere(Vec(1.6, 0.4, 3.5), 0.4, 0.8, 0.8),
            Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), 0.5, 0.1),
        ]
        self.light = Vec(-3.0, 5.0, 0.0)

    def nearest(self, ray):
        best, best_t = None, float("inf")
        for obj in self.objects:
            t = obj.hit(ray)
            if t is not None and t < best_t:
                best, best_t = obj, t
        return best, best_t

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return 0.1
        p = ray.at(t)
        n = obj.normal(p)
        to_light = (self.light - p).unit()
        colour = 0.05
        shadow, st = self.nearest(Ray(p, to_light))
        if shadow is None or st > (self.light - p).length():
            colour += obj.shade * max(0.0, n.dot(to_light))
            half = (to_light - ray.direction).unit()
            colour += obj.shine * max(0.0, n.dot(half)) ** 20
        if depth < 2 and obj.shine > 0.15:
            reflected = ray.direction - n * (2 * ray.direction.dot(n))
            colour += obj.shine * 0.5 * self.trace(Ray(p, reflected), depth + 1)
        return colour

def render(width, height):
    scene = Scene()
    eye = Vec(0.0, 1.2, -1.0)
    rows = []
    for j in range(height):
        row = []
        for i in range(width):
            x = (i - width / 2) / width * 1.6
            y = (height / 2 - j) / height * 1.2 + 1.0
            row.append(scene.trace(Ray(eye, Vec(x, y - 1.3, 1.0)), 0))
        rows.append(row)
    return rows

image = render(*((30, 18) if QUICK else (240, 180)))
total = sum(sum(r) for r in image)
print("%.6f" % total)
ramp = " .:-=+*#%@"
for row in image[::9]:
    print("".join(ramp[min(9, int(v * 9))] for v in row[::4]))
