# Variable annotations fill __annotations__ in module and class bodies.
x: int = 1
y: "list[str]"
print(__annotations__, x)

class Point:
    x: int
    y: float = 0.0
    label: str | None = None
    if True:
        z: list[int] = []
    def method(self):
        local: int = 3
        return local
print(Point.__annotations__, Point.y, Point().method(), hasattr(Point, "x"))

class Empty:
    pass
print("__annotations__" in vars(Empty))

class Obj:
    pass
o = Obj()
o.attr: int = 5
print(o.attr)

class Neg:
    def __neg__(self):
        return "neg"
    def __pos__(self):
        return "pos"
    def __invert__(self):
        return "inv"
print(-Neg(), +Neg(), ~Neg())
try:
    -object()
except TypeError as e:
    print(type(e).__name__, e)
