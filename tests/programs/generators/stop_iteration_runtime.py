# PEP 479: a StopIteration escaping a generator body becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration("escaped")


it = leaky()
print(next(it))
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def uses_next(items):
    it = iter(items)
    while True:
        yield next(it)


list(uses_next([1, 2]))
