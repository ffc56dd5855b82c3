class P:
    cls_attr = 1

    def __init__(self):
        self.a = 1


p = P()
del p.a
try:
    del p.a
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del p.cls_attr
except AttributeError as e:
    print(type(e).__name__, e)
del P.cls_attr
print(hasattr(P, "cls_attr"))
try:
    del P.cls_attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del int.real
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.foo = 1
except TypeError as e:
    print(type(e).__name__, e)
p.x = 5
delattr(p, "x")
print(vars(p))
