# Messages of wrong calls, caught one by one.
def f(a, b, c=3, *, d, e=5):
    return a + b + c + d + e


def g(x, /, y):
    return x * y


def h():
    return 1


def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as exc:
        print(label, "TypeError:", exc)


attempt("ok", lambda: f(1, 2, d=4))
attempt("missing kw-only", lambda: f(1, 2))
attempt("missing two", lambda: f(1, d=2))
attempt("too many", lambda: f(1, 2, 3, 4, d=5))
attempt("unexpected", lambda: f(1, 2, d=1, z=9))
attempt("dup", lambda: f(1, 2, a=1, d=1))
attempt("posonly as kw", lambda: g(x=1, y=2))
attempt("no args", lambda: h(1))
attempt("no args kw", lambda: h(k=1))
attempt("missing posonly", lambda: g())
