# Attribute caches for __slots__ members: reads and writes in hot loops stay right when the
# class changes under them (a property or a plain value replaces the slot descriptor, a
# __setattr__ or __getattribute__ is added), when slots are unset or deleted, and across
# subclasses with their own slots or a __dict__.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def total(points):
    t = 0
    for p in points:
        t += p.x * 10 + p.y
    return t


def bump(points):
    for p in points:
        p.x = p.x + 1


pts = [P(i, i + 1) for i in range(5)]
print(total(pts))
bump(pts)
print(total(pts))

# Unset and deleted slots.
q = P.__new__(P)
try:
    print(q.x)
except AttributeError as e:
    print(type(e).__name__, e)
q.x = 5
del q.x
for _ in range(3):
    try:
        q.x
    except AttributeError as e:
        print("unset", e)


# A subclass with its own slot and one with a __dict__.
class P3(P):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class PD(P):
    pass


mixed = [P(1, 2), P3(3, 4, 5), PD(6, 7)]
mixed[2].extra = "dict"
for _ in range(3):
    print(total(mixed), mixed[1].z, mixed[2].extra)
bump(mixed)
print([(p.x, p.y) for p in mixed])

# The slot descriptor of P.y is shadowed by a property in the middle of a hot loop.
saved_y = P.__dict__["y"]
results = []
for i in range(6):
    if i == 3:
        P.y = property(lambda self: -1)
    results.append(pts[0].y)
print(results)
P.y = saved_y
print(pts[0].y)

# A plain class value replaces the descriptor: reads see it, writes fail (read-only now).
results = []
for i in range(4):
    if i == 2:
        P.x = 100
    results.append(pts[1].x)
print(results)
try:
    pts[1].x = 3
except AttributeError as e:
    print(type(e).__name__, e)
del P.x
try:
    pts[1].x
except AttributeError as e:
    print(type(e).__name__, e)


# __setattr__ and __getattribute__ added to the class while loops run.
class Q:
    __slots__ = ("v",)


log = []
qs = [Q() for _ in range(3)]
for i, obj in enumerate(qs * 2):
    if i == 3:
        def logging_setattr(self, name, value):
            log.append((name, value))
            object.__setattr__(self, name, value * 2)

        Q.__setattr__ = logging_setattr
    obj.v = i
print([o.v for o in qs], log)

seen = []
for i in range(4):
    if i == 2:
        Q.__getattribute__ = lambda self, name: "intercepted"
    seen.append(qs[0].v)
print(seen)
