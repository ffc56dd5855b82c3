class Vec:
    __slots__ = ("x", "y")


v = Vec()
v.x = 1
print(v.x)
print(v.y)
