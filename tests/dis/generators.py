def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


def relay(n):
    result = yield from countdown(n)
    yield result


def echo():
    received = None
    try:
        while True:
            received = yield received
    finally:
        print("echo closed")


print(list(relay(3)))
g = echo()
next(g)
print(g.send("hi"))
g.close()
squares = (x * x for x in range(5))
print(sum(squares))
