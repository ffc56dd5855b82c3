def f():
    return
    return 1
    return 1, 2
    return *a, b
    yield
    yield *a, b
    x = yield from y
