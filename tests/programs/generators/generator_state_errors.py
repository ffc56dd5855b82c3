# Errors: send non-None to a just-started generator, re-entering a running generator, exhausted next.
def g():
    yield 1


it = g()
try:
    it.send("x")
except TypeError as e:
    print("TypeError:", e)


def selfish():
    yield next(me)


me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
done = g()
print(list(done), list(done))
print(next(done, "default"))
next(done)
