class Point:
    __slots__ = ('x', 'y')
class Plain:
    pass
p = Point()
p.__class__ = Plain
