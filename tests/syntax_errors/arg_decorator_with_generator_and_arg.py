@dec(x for x in y, 1)
def f():
    pass
