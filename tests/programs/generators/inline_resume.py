# Generators resumed by `for` and `yield from` run in the caller's loop: values, return values,
# exceptions in both directions, PEP 479, running-state checks and frames must behave as usual.
import sys


def count(n):
    for i in range(n):
        yield i
    return "done"


def relay(n):
    result = yield from count(n)
    yield result


print(list(relay(3)))
print([x * 2 for x in count(4)])
print(sum(x for x in count(5)), max(count(6)), tuple(relay(2)))


def nested(depth):
    if depth == 0:
        yield "leaf"
        return depth
    got = yield from nested(depth - 1)
    yield got + 1
    return got + 1


print(list(nested(60))[:3], len(list(nested(60))))


def echo():
    received = []
    while True:
        try:
            x = yield len(received)
        except KeyError as e:
            received.append(("caught", e.args[0]))
            continue
        if x is None:
            return received
        received.append(x)


def outer():
    r = yield from echo()
    yield ("inner returned", r)


g = outer()
print(next(g), g.send("a"), g.send("b"), g.throw(KeyError("k")), g.send(None))


def bad():
    yield 1
    raise StopIteration("early")


try:
    for x in bad():
        print("got", x)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)


def failing():
    yield 1
    raise ValueError("inside")


g = failing()
try:
    for x in g:
        print("item", x)
except ValueError as e:
    print("caught", e)
print(g.gi_running, g.gi_frame, list(g))


def self_resume():
    yield next(me)


me = self_resume()
try:
    for _ in me:
        pass
except ValueError as e:
    print(type(e).__name__, e)


def state():
    yield probe.gi_running
    yield sys._getframe().f_back.f_code.co_name
    yield sys._getframe(1).f_lineno > 0


probe = state()


def consumer():
    return [v for v in probe]


print(consumer())


def with_finally(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")


log = []
g = with_finally(log)
for x in g:
    if x == 1:
        break
print(log, g.gi_suspended)
g.close()
print(log, g.gi_suspended, list(g))


def locals_seen():
    a = 1
    yield
    b = 2
    yield


g = locals_seen()
next(g)
print(sorted(g.gi_frame.f_locals), g.gi_frame.f_lineno)
next(g)
print(sorted(g.gi_frame.f_locals), g.gi_frame.f_lineno)


class Ready:
    def __await__(self):
        value = yield "suspend"
        return value * 2


async def leaf(x):
    return await Ready() + x


async def middle():
    total = 0
    for i in range(3):
        total += await leaf(i)
    return total


c = middle()
steps = [c.send(None)]
try:
    while True:
        steps.append(c.send(10))
except StopIteration as stop:
    print(steps, stop.value)


def gen_in_loop():
    for i in range(3):
        yield from (j for j in range(i))


print(list(gen_in_loop()))


def raiser_after(n):
    yield from range(n)
    1 / 0


def catcher():
    try:
        yield from raiser_after(2)
    except ZeroDivisionError as e:
        yield "zde"


print(list(catcher()))


def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield sys._getframe().f_back.f_code.co_name


print(list(deep(5)))
