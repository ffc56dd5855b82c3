class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__, sorted(WithDict.__dict__))


class WithWeakref:
    __slots__ = ("a", "__weakref__")


print(sorted(WithWeakref.__dict__))
try:
    WithWeakref().b = 1
except AttributeError as e:
    print(type(e).__name__, e)


class Plain:
    pass


try:
    class Again(Plain):
        __slots__ = ("__dict__",)
except TypeError as e:
    print(type(e).__name__, e)

for slots in [("a", 1), ("a b",), ("1a",)]:
    try:
        type("T", (), {"__slots__": slots})
    except TypeError as e:
        print(type(e).__name__, e)

try:
    class Conflict:
        __slots__ = ("x",)
        x = 5
except ValueError as e:
    print(type(e).__name__, e)


class Single:
    __slots__ = "only"


s = Single()
s.only = "yes"
print(s.only, Single.__slots__)


class Listed:
    __slots__ = ["p", "q"]


print(sorted(k for k in Listed.__dict__ if k in "pq"))
