# Attribute loads from modules (`math.sqrt(x)`, `mod.CONST`) are served from the module's
# namespace with a cached entry hint; rebinding or deleting the attribute mid-loop is seen.
import math
import types

m = types.ModuleType("m")
m.CONST = 1
m.f = lambda x: x + 1
out = []
for i in range(8):
    if i == 2:
        m.CONST = 10
    if i == 3:
        m.f = lambda x: x * 100
    if i == 5:
        m.extra = "new"  # the namespace grows (entries may move)
        del m.CONST
        m.CONST = 5
    out.append((m.CONST, m.f(i), math.sqrt(i * i)))
print(out)

saved = math.sqrt
roots = []
for i in range(4):
    if i == 2:
        math.sqrt = lambda x: "patched"
    roots.append(math.sqrt(16))
math.sqrt = saved
print(roots, math.sqrt(16))

del m.f
for _ in range(2):
    try:
        m.f(1)
    except AttributeError as e:
        print(type(e).__name__, e)
print(m.__dict__["CONST"], sorted(k for k in vars(m) if not k.startswith("__")))
