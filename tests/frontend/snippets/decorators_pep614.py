@a.b.c
@a[0]
@(lambda f: f)
@x if y else z
def f(): pass
