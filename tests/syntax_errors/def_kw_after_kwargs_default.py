def f(a, **kw, b=1):
    pass
