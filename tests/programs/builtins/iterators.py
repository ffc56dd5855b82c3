# zip, map, filter, reversed, iter(callable, sentinel), enumerate, next: lazy, with CPython's errors.

def noisy(name, items):
    for x in items:
        print("  yield", name, x)
        yield x

print(list(zip([1, 2, 3], "ab")))
print(list(zip()), list(zip([1, 2])))
print(dict(zip("abc", range(3))))
z = zip(noisy("a", [1, 2]), noisy("b", [3]))
print(type(z).__name__, isinstance(z, zip), iter(z) is z)
print(next(z))
print(next(z, "done"))
print(list(zip([1, 2], [3, 4], strict=True)))
for args in ([[1], [3, 4]], [[1, 2], [3]], [[1, 2], [3, 4], [5]], [[1], [2], [3, 4]]):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
try:
    zip([1], x=1)
except TypeError as e:
    print("TypeError:", e)
try:
    zip([1], strict=True, x=1)
except TypeError as e:
    print("TypeError:", e)

print(list(map(str, [1, 2, 3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(pow, [2, 3], [5, 2], [7, 5])))
m = map(lambda x: x * 10, noisy("m", [1, 2, 3]))
print(type(m).__name__, next(m))
for x in m:
    print("got", x)
for bad in ("map()", "map(str)", "map(str, 1)", "map(str, [], x=1)"):
    try:
        eval(bad, {})
    except TypeError as e:
        print(bad, "->", e)

print(list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(bool, [0, 2, 0.0, 3.5])))
f = filter(str.isdigit, noisy("f", ["1", "a", "2"]))
print(next(f), next(f), next(f, "end"))
for bad in ("filter()", "filter(None)", "filter(None, 1)", "filter(None, [], x=1)"):
    try:
        eval(bad, {})
    except TypeError as e:
        print(bad, "->", e)

print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")))
print(list(reversed(range(10, 0, -3))), list(reversed(range(0))), list(reversed(range(5, 8))))
print(list(reversed({"a": 1, "b": 2, "c": 3})))
print(type(reversed([])).__name__, type(reversed(())).__name__)
lst = [1, 2, 3, 4]
r = reversed(lst)
print(next(r))
lst.pop()
lst.pop()
print(list(r))

class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i

class Rev:
    def __reversed__(self):
        return iter("zyx")

print(list(reversed(Seq())), list(reversed(Rev())))
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
for bad in ("reversed()", "reversed(1)", "reversed({1})", "reversed(iter([]))", "reversed([], x=1)", "reversed(NoRev())", "reversed([], [])"):
    try:
        eval(bad, {"NoRev": NoRev})
    except TypeError as e:
        print(bad, "->", e)

calls = []
def counter():
    calls.append(1)
    return len(calls)
print(list(iter(counter, 4)), calls)
it = iter(counter, 100)
print(type(it).__name__, next(it), next(it))
try:
    iter(1, 2)
except TypeError as e:
    print("TypeError:", e)
data = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(data), 0)))

print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate("ab", start=-1)))
print(list(enumerate(iterable=[7], start=1)))
e = enumerate(noisy("e", "xy"))
print(next(e), next(e), next(e, None))
print(next(iter([]), "empty"), next(iter([9]), "empty"))
for bad in ("next()", "next(1)", "next([])", "iter()", "iter(1)", "iter(len, 1, 2)", "enumerate()", "enumerate(1)"):
    try:
        eval(bad, {})
    except TypeError as e:
        print(bad, "->", e)

class Squares(map):
    pass
s = Squares(lambda x: x * x, [1, 2, 3])
print(type(s).__name__, isinstance(s, map), list(s))

print(any(x > 2 for x in noisy("any", [1, 3, 5])))
print(all(x < 2 for x in noisy("all", [1, 3, 5])))
print(any([]), all([]), any([0, ""]), all([1, "x"]))
print(sum(noisy("sum", [1, 2])), min(noisy("min", [3, 1])), max(noisy("max", [3, 1])))

list(zip([1, 2, 3], "abcd", strict=True))
