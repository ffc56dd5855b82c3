def f(a, b=1, *, c=2):
    return a, b, c
print(f.__defaults__, f.__kwdefaults__)
f.__defaults__ = (10,)
f.__kwdefaults__ = {'c': 20}
print(f(0), f(0, 5), f(0, c=3))
f.__defaults__ = None
try:
    f(0)
except TypeError as e:
    print(e)
f.__defaults__ = (1, 2)
print(f())
f.__kwdefaults__ = None
try:
    f()
except TypeError as e:
    print(e)
for bad in [[1], 5]:
    try:
        f.__defaults__ = bad
    except TypeError as e:
        print(e)
try:
    f.__kwdefaults__ = [1]
except TypeError as e:
    print(e)
del f.__defaults__
print(f.__defaults__)
def g(x, y=3): return x + y
g.__defaults__ = (4,)
print([g(i) for i in range(3)])
f.__name__ = 'renamed'; f.__qualname__ = 'Q.renamed'
print(f.__name__, f.__qualname__, repr(f).split(' ')[1])
try:
    f.__name__ = 3
except TypeError as e:
    print(e)
