import a.b.c
print(a.b.c.DEEP, a.__name__, a.b.__name__, a.b.c.__name__)
import a.b.c as leaf
print(leaf is a.b.c)
from a.b import c
print(c is leaf)
from a.b.c import DEEP as d
print(d)
print(a.b.c.__package__, a.b.__package__, a.__package__)
