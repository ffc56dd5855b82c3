class A:
    pass


a = A()
a.x = 1
A.__getattr__ = lambda self, name: "late " + name
print(a.x, a.missing)
del A.__getattr__
try:
    a.missing
except AttributeError as e:
    print(type(e).__name__, e)


class B(A):
    pass


b = B()
A.__getattribute__ = lambda self, name: "intercepted " + name
print(b.anything, a.x)
del A.__getattribute__
b.y = 2
print(b.y)
A.__setattr__ = lambda self, name, value: object.__setattr__(self, name, value * 10)
b.z = 3
print(b.z)
del A.__setattr__
b.w = 4
print(b.w)
