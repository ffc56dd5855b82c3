class Record:
    __slots__ = ()
    _fields = ()

    def __init__(self, *args):
        if len(args) != len(self._fields):
            raise TypeError(f"expected {len(self._fields)} arguments, got {len(args)}")
        for name, value in zip(self._fields, args):
            setattr(self, name, value)

    def __eq__(self, other):
        return type(self) is type(other) and all(getattr(self, f) == getattr(other, f) for f in self._fields)

    def __hash__(self):
        return hash(tuple(getattr(self, f) for f in self._fields))

    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({inner})"


class Point(Record):
    __slots__ = _fields = ("x", "y")


p, q = Point(1, 2), Point(1, 2)
print(p, p == q, len({p, q}), {p: "found"}[q])
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    p.z = 1
except AttributeError as e:
    print(type(e).__name__, e)
