class A:
    def f(self): return "A.f"
    x = 1
class B(A):
    def f(self): return "B.f"
class C(A):
    x = 3
objs = [A(), B(), C(), A(), B(), C()]
out = []
for i in range(12):
    o = objs[i % 6]
    out.append((o.f(), o.x))
print(out)
B.x = 10
print([o.x for o in objs])
del B.f
print([o.f() for o in objs])
