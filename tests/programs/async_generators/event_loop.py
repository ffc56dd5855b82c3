# A tiny event loop written in the program: generator-based awaitables and async generators.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        for _ in range(self.ticks):
            yield self
        return self.ticks

class Loop:
    def __init__(self):
        self.ready = []
        self.log = []

    def spawn(self, name, coro):
        self.ready.append((name, coro))

    def run(self):
        results = {}
        while self.ready:
            name, coro = self.ready.pop(0)
            try:
                coro.send(None)
            except StopIteration as e:
                results[name] = e.value
                continue
            self.ready.append((name, coro))
        return results

async def producer(tag, n):
    for i in range(n):
        await Sleep(1)
        yield f"{tag}{i}"

async def consumer(loop, tag, n):
    got = []
    async for item in producer(tag, n):
        loop.log.append(item)
        got.append(item)
    waited = await Sleep(2)
    return got, waited

loop = Loop()
loop.spawn("a", consumer(loop, "a", 3))
loop.spawn("b", consumer(loop, "b", 2))
print(loop.run())
print(loop.log)
