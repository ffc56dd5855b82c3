def f((*a)):
    pass
