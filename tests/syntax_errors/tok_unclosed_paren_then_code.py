x = foo(1,

def g():
    return 2
