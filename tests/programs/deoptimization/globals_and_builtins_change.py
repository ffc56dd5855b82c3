def f():
    return g() + len("ab")
def g():
    return 1
total = 0
for i in range(10):
    if i == 3:
        def g():
            return 100
    if i == 6:
        len = lambda s: 1000
    if i == 8:
        del len
    total += f()
    print(i, f())
import builtins
builtins.len = lambda s: -1
print(f())
del g
try:
    f()
except NameError as e:
    print(e)
