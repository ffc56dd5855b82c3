# Coroutines without an event loop: recursive `async def` functions awaiting each other, and
# awaitable objects, driven by send() until StopIteration delivers the result.
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

class Ready:
    """An awaitable that suspends once, then produces its value."""

    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield self
        return self.value

async def fib(n):
    if n < 2:
        return n
    return await fib(n - 1) + await fib(n - 2)

async def summing(n):
    total = 0
    for i in range(n):
        total += await Ready(i)
    return total

def run(coro):
    suspensions = 0
    try:
        while True:
            coro.send(None)
            suspensions += 1
    except StopIteration as stop:
        return stop.value, suspensions

print(run(fib(12 if QUICK else 26)), run(summing(3000 if QUICK else 600000)))
