f = lambda *a=1: a
