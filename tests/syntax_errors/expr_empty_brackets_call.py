x = f(]
