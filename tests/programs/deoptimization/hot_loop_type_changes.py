# Hot loops whose operand types change midway: every fast path must step aside correctly.


class Vec:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return Vec(self.x + (other.x if isinstance(other, Vec) else other))

    def __lt__(self, other):
        return self.x < (other.x if isinstance(other, Vec) else other)

    def __getitem__(self, i):
        return self.x * 10 + i

    def __repr__(self):
        return f"Vec({self.x})"


def add_all(values):
    total = values[0]
    for v in values[1:]:
        total = total + v
    return total


print(add_all([1, 2, 3] * 50))
print(add_all([1.5, 2, 3] * 50))
print(add_all([2**62, 2**62, 1] * 5))
print(add_all(["a", "b"] * 5))
print(add_all([Vec(1), 2, Vec(3)] * 5))
print(add_all([True, True, False] * 7))
try:
    add_all([1, 2, "x"])
except TypeError as e:
    print(type(e).__name__, e)


def lesser(pairs):
    out = []
    for a, b in pairs:
        out.append(a < b)
    return out


print(lesser([(1, 2), (2.5, 1), (3, 3.5), ("a", "b"), (Vec(1), 2), (True, 2), (2**70, 1)]))
try:
    lesser([(1, 2), (1, "x")])
except TypeError as e:
    print(type(e).__name__, e)


def pick(containers, key):
    return [c[key] for c in containers]


print(pick([[1, 2, 3], (4, 5, 6), {1: "one"}, Vec(7), "xyz", range(10, 20)], 1))
print(pick([[1, 2, 3], [4, 5]], -1))
try:
    pick([[1, 2, 3], [4]], 1)
except IndexError as e:
    print(type(e).__name__, e)
try:
    pick([[1], {}], 0)
except KeyError as e:
    print(type(e).__name__, e)


def store(containers):
    for c in containers:
        c[0] = c[0] + 1
    return containers


print(store([[1], [2.5], {0: 9}, [True]]))


def truthy(values):
    n = 0
    for v in values:
        if v:
            n += 1
        if not v:
            n += 100
    return n


print(truthy([1, 0, 0.0, 2.5, "", "x", [], [0], None, True, False, Vec(0), 2**80]))


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


print(truthy([Flag(True), Flag(False)] * 3))


def loop_with_globals(n):
    total = 0
    for i in range(n):
        total += step(i)
        if i == n // 2:
            globals()["step"] = lambda i: -i
    return total


def step(i):
    return i


print(loop_with_globals(40))


def powers(pairs):
    out = []
    for a, b in pairs:
        try:
            out.append(a**b)
        except (ZeroDivisionError, OverflowError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


print(powers([(2.0, 0.5), (2, 10), (2, 62), (2, 63), (3, 40), (-2, 3), (2, -1), (0, 0), (-8.0, 1 / 3)]))
print(powers([(1e300, 2.0), (0.0, -1.0), (0.0, 0.0), (10.0, -400.0), (1.0, float("inf")), (2.0, float("nan"))]))
print(powers([(-2.0, 2.0), (-2.0, 0.5), (1.5, 2), (2, 0.5), (True, 2), (7, 0)]))


def temporaries(n):
    # The container is a temporary: its last reference goes away as the item is taken.
    out = []
    for i in range(n):
        out.append([[i, "a"], ("b", i)][i % 2][i % 2])
        out.append((i, [i])[-1][-1])
        out.append([str(i)][0])
    return out


print(temporaries(6))
data = [5, 3, 9, 1]
print(sorted(range(4), key=lambda i: data[i]))
seen = []
items = [3, 1, 2]
items.sort(key=lambda v: seen.append(len(seen)) or v)
print(items, seen)
items = [3, 1, 2]
try:
    items.sort(key=lambda v: items[0])
except IndexError as e:
    print(type(e).__name__, e)
print(items)
