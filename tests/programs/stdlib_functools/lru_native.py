# functools.lru_cache over the native _lru_cache_wrapper: hits, misses, eviction order, typed,
# maxsize None/0/n, keyword keys, methods, cache_clear, wrapper attributes.
import functools
from functools import lru_cache

calls = []


@lru_cache(maxsize=2)
def g(x):
    calls.append(x)
    return x * 2


for x in [1, 2, 1, 3, 2, 1, 1]:
    g(x)
print(calls, g.cache_info())
g.cache_clear()
print(g.cache_info(), g(1), g.cache_info())
print(g.__wrapped__.__name__, g.__name__, g.__qualname__, type(g).__name__, type(g).__module__)
print(g.cache_parameters())


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@lru_cache
def plain(a, b=0, **kw):
    calls.append((a, b, sorted(kw.items())))
    return a + b


calls.clear()
print(plain(1), plain(1), plain(1.0), plain(a=1), plain(1, b=0), plain(1, 0), plain(1, c=2), plain(1, c=2))
print(calls, plain.cache_info())


@lru_cache(maxsize=10, typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed(True), typed("a"), typed.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x


print(nocache(1), nocache(1), nocache.cache_info())


@lru_cache(maxsize=-5)
def negative(x):
    return x


print(negative(1), negative.cache_info())


class K:
    def __init__(self):
        self.n = 0

    @lru_cache(maxsize=4)
    def method(self, x):
        self.n += 1
        return x + self.n

    @property
    @lru_cache
    def prop(self):
        return "computed"


k = K()
print(k.method(1), k.method(1), k.method(2), k.n, K.method.cache_info())
print(k.prop, K.method(k, 1))
try:
    g([1])
except TypeError as e:
    print("TypeError", e)
print(g.cache_info())


@lru_cache(maxsize=3)
def boom(x):
    if x < 0:
        raise ValueError(x)
    return x


for x in (-1, -1, 2):
    try:
        boom(x)
    except ValueError as e:
        print("ValueError", e)
print(boom.cache_info())
for bad in [lambda: lru_cache(maxsize="x"), lambda: functools._lru_cache_wrapper(5, 1, False, None)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


@lru_cache(maxsize=3)
def sq(x):
    return x * x


for i in range(100):
    sq(i % 5)
print(sq.cache_info())
import copy
print(copy.copy(sq) is sq, copy.deepcopy(sq) is sq)
