# send(), the value of the first next(), and the return value in StopIteration.
def running_total():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


g = running_total()
print(next(g))
print(g.send(5), g.send(10), g.send(-3))
try:
    g.send(None)
except StopIteration as stop:
    print("finished with", stop.value, stop.args)
try:
    next(g)
except StopIteration as stop:
    print("again", stop.value)
