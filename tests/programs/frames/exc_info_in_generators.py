import sys
# Frames of generators in tracebacks, and exc_info across yields.
def failing_gen():
    yield 1
    raise ValueError("from generator")

def consume():
    for x in failing_gen():
        pass

try:
    consume()
except ValueError as e:
    names = []
    tb = e.__traceback__
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

def watcher():
    while True:
        yield sys.exc_info()[0]

w = watcher()
print(next(w))
try:
    raise KeyError
except KeyError:
    print(next(w))
print(next(w))
