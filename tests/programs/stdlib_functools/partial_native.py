# functools.partial (native in _functools): calls, flattening, repr, attributes, subclasses.
import functools
from functools import partial


def f(a, b=2, *args, **kw):
    return (a, b, args, sorted(kw.items()))


def show(p):
    return repr(p).replace(hex(id(f)), "ID")


p = partial(f, 1, x=2)
print(p(), p(5, 6, 7, y=1), p(x=9))
print(show(p), p.func is f, p.args, p.keywords)
q = partial(p, 5, y=3)
print(q.func is f, q.args, q.keywords, q(), show(q))
p.attr = 1
r = partial(p, 6)
print(r.func is p, r.args, r(), p.__dict__)
print(partial(max, key=len)("a", "bbb", "cc"))
print(partial(int, base=2)("101"), partial(sorted, reverse=True)([3, 1, 2]))
print(show(partial(f, "s", k=[1, 2])))
for bad in [lambda: partial(5), lambda: partial(), lambda: partial(f)(b=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


class P(partial):
    pass


class Q(partial):
    def __call__(self, *a, **k):
        return ("Q", super().__call__(*a, **k))


print(show(P(f, 3)), P(f, 3)(4), isinstance(P(f), partial))
qq = Q(f, 1)
print(qq(2), partial(qq, 3).func is qq)
print(type(partial).__name__, partial.__module__, partial.__name__, partial.__qualname__)
me = partial(f)
me2 = partial(f, me)
print(show(me2).count("functools.partial"))


class C:
    m = partial(f, "unbound")


print(C().m(), C.m())
print(list(map(partial(pow, 2), range(5))))
print(functools.reduce(partial(f, b=0), [1], 5) if False else "skip")
