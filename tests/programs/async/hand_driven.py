class Sleep:
    """An awaitable that suspends once, handing its delay to the driver."""
    def __init__(self, delay):
        self.delay = delay

    def __await__(self):
        received = yield self.delay
        return f"slept {self.delay} (driver said {received})"

async def add(a, b):
    return a + b

async def worker(name):
    total = await add(1, 2)
    note = await Sleep(0.5)
    more = await Sleep(1.5)
    return f"{name}: total={total}; {note}; {more}"

def run(coro):
    """A minimal event loop: send values in until the coroutine returns."""
    reply = None
    steps = []
    while True:
        try:
            yielded = coro.send(reply)
        except StopIteration as stop:
            return steps, stop.value
        steps.append(yielded)
        reply = f"ok{len(steps)}"

print(run(worker("w1")))
c = add(2, 3)
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

class Resource:
    def __init__(self, log):
        self.log = log
    async def __aenter__(self):
        self.log.append("enter")
        return self
    async def __aexit__(self, *exc):
        self.log.append(f"exit {exc[0].__name__ if exc[0] else None}")
        return False

class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def main(log):
    async with Resource(log) as r:
        log.append("inside")
    async for tick in Ticker(3):
        log.append(f"tick {tick}")
    try:
        async with Resource(log):
            raise ValueError("boom")
    except ValueError:
        log.append("caught")
    return len(log)

log = []
print(run(main(log)), log)
