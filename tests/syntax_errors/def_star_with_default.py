def f(*a=()):
    pass
