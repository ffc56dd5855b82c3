def f():
    raise KeyError('from module')
f()
