# Each kind of built-in iterator has its own type, named as in CPython.
class Seq:
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError(i)


d = {"a": 1}
cases = [
    iter(range(3)), iter([]), iter(()), iter("ascii"), iter("caf\u00e9"), iter(d), iter(d.values()),
    iter(d.items()), reversed(d), iter({1}), iter(b"x"), iter(bytearray(b"x")), iter(memoryview(b"x")),
    iter(Seq()), reversed(d.values()),
]
for it in cases:
    t = type(it)
    print(t.__name__, t is type(it), next(iter(t.__mro__[::-1])).__name__, repr(it).split(" object")[0])
print(type(iter([])) is type(iter([1, 2])), type(iter([])) is type(iter(())))
print(list(Seq()), list(iter(range(2))), [x for x in iter("ab")])
