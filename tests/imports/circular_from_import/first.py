from second import g
def f(): pass
