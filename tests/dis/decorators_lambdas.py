def trace(prefix):
    def decorate(fn):
        def wrapper(*args, **kwargs):
            result = fn(*args, **kwargs)
            print(prefix, fn.__name__, args, kwargs, "->", result)
            return result
        return wrapper
    return decorate


@trace("call")
def add(a, b=0):
    return a + b


key = lambda pair: (-pair[1], pair[0])
scores = [("ann", 3), ("bob", 5), ("cy", 3)]
add(1, b=2)
print(sorted(scores, key=key))
print((lambda *xs: len(xs))(1, 2, 3))
