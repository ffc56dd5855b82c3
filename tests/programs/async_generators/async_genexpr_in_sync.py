# An async generator expression made in a plain function, consumed by a coroutine.
async def source():
    for c in "abc":
        yield c

def make():
    return (c.upper() async for c in source())

async def collect(ag):
    return [x async for x in ag]

coro = collect(make())
try:
    coro.send(None)
except StopIteration as e:
    print(e.value)
