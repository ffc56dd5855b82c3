# Instances without __dict__ (all __slots__, or object()) must stay independent of each other:
# Kaa lets them share one empty dict that nothing may write to.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


ps = [P(i) for i in range(5)]
for p in ps:
    try:
        p.z = 1
    except AttributeError as e:
        print("AttributeError", e)
        break
try:
    ps[0].__dict__
except AttributeError as e:
    print("AttributeError", e)
print([p.x for p in ps], hasattr(ps[1], "y"))
ps[2].y = "set"
print([getattr(p, "y", None) for p in ps])
del ps[2].y
print(hasattr(ps[2], "y"), vars(ps[3]) if hasattr(ps[3], "__dict__") else "no vars")
o1, o2 = object(), object()
for o in (o1, o2):
    try:
        o.attr = 1
    except AttributeError as e:
        print("AttributeError", e)
print(o1.__getstate__(), o1 == o2, o1.__reduce_ex__(2)[0].__name__)


class Q(P):
    pass  # a subclass without __slots__ gets a __dict__ again


q = Q(1)
q.z = 5
print(q.__dict__, q.x, Q(2).__dict__)
class R:
    __slots__ = ()
class S:
    __slots__ = ()
r = R()
r.__class__ = S
print(type(r).__name__)
try:
    vars(r)
except TypeError as e:
    print("TypeError", e)
import copy
p2 = copy.copy(ps[0])
p2.x = 99
print(ps[0].x, p2.x, copy.deepcopy(ps[2]).x)
