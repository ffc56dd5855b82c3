# throw() raises inside the generator at the paused yield.
def worker():
    handled = 0
    while True:
        try:
            job = yield handled
            print("job", job)
        except ValueError as e:
            print("recovered from", e)
            handled += 1


w = worker()
next(w)
w.send("a")
print(w.throw(ValueError("bad job")))
print(w.throw(ValueError("worse job")))
try:
    w.throw(KeyError("fatal"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(w)
except StopIteration:
    print("generator is finished")
