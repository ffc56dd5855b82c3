class P:
    def __init__(self):
        self.a = 1


p = P()
d = p.__dict__
d["b"] = 2
print(p.b, vars(p))
p.c = 3
print(d)
del d["a"]
print(hasattr(p, "a"))
p.__dict__.update(x=9, y=8)
print(p.x, p.y, sorted(p.__dict__))
p.__dict__.clear()
print(vars(p))


def f():
    pass


f.attr = 1
print(f.__dict__)
print(vars(P)["__init__"] is P.__init__, type(vars(P)).__name__)
try:
    vars(3)
except TypeError as e:
    print(type(e).__name__, e)
