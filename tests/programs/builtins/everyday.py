# Everyday uses of the built-in functions together.
class A:
    def __iter__(self): return 1
try: iter(A())
except TypeError as e: print(e)
async def co(): pass
c = co()
print(type(c).__name__, iter([1]).__class__.__name__ if False else "")
c.close()
print(sorted(reversed(range(5))), list(enumerate(zip("ab", "cd"), 1)), dict(zip("ab", map(ord, "ab"))))
print(max({"a": 3, "b": 5}, key={"a": 3, "b": 5}.get), list(map(int, "1 2 3".split())), sum(1 for _ in range(7)))
print(*[1, 2, 3], sep=", ", end="!\n")
m = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*m)), list(map(list, zip(*m))))
print(all(isinstance(x, (int, float)) for x in [1, 2.0]), any(map(str.isupper, "abC")))
print(round(3.14159, 3), f"{round(2.5)}", round(-2.5), [round(x / 10, 1) for x in range(5)])
print(divmod(-7, 2), pow(7, -1, 13), hex(id(None))[:2], bin(255)[2:].zfill(10))
print(list(filter(lambda s: s.strip(), ["a", " ", "", "b"])), list(reversed("abc")), "".join(reversed("hello")))
print(min("apple", "banana", key=len), max([3, 1, 2], default=0), sorted({3: 'c', 1: 'a'}.items()))
print(list(iter(iter([1, 2, 3]).__next__, 3)))
g = (x * x for x in range(4))
print(next(g), list(g), next(g, "done"))
print(isinstance(map, type), isinstance(zip([], []), zip), issubclass(filter, object))
print(repr(zip).startswith("<class"), str(reversed), callable(map), hash(map) == hash(map))
print(next(iter(A())))
