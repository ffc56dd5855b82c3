# coro.throw()/gen.throw() reach the iterator the coroutine is awaiting (yield from / await).

def inner():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("inner caught", repr(e))
        yield "recovered"
    return "inner done"

def outer():
    result = yield from inner()
    print("outer got", result)
    yield "after"

g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
try:
    next(g)
except StopIteration:
    print("finished")

def failing_inner():
    yield 1

def outer2():
    try:
        yield from failing_inner()
    except ValueError as e:
        print("outer2 caught", e)
        yield "handled in outer"

g2 = outer2()
next(g2)
print(g2.throw(ValueError("boom")))

def returning_inner():
    try:
        yield 1
    except IndexError:
        return "returned early"

def outer3():
    r = yield from returning_inner()
    yield ("outer3", r)

g3 = outer3()
next(g3)
print(g3.throw(IndexError))

class Awaitable:
    def __await__(self):
        try:
            yield "waiting"
        except RuntimeError as e:
            print("awaitable caught", e)
            return 42
        return 0

async def coro():
    v = await Awaitable()
    print("coro resumed with", v)
    return v + 1

c = coro()
print(c.send(None))
try:
    c.throw(RuntimeError("wake"))
except StopIteration as s:
    print("coro returned", s.value)

class sleeper:
    def __await__(self):
        yield "sleep"

async def waiter():
    try:
        await sleeper()
    except OSError as e:
        return f"waiter handled {e}"

w = waiter()
w.send(None)
try:
    w.throw(OSError("io"))
except StopIteration as s:
    print(s.value)

def closer_inner():
    try:
        yield 1
    finally:
        print("inner closed")

def closer_outer():
    try:
        yield from closer_inner()
    finally:
        print("outer closed")

gc_ = closer_outer()
next(gc_)
gc_.close()
print("done")
