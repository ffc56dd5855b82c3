# Async generators consuming other async generators, with early exits.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def numbers(n):
    for i in range(n):
        yield i

async def pairs(n):
    async for a in numbers(n):
        async for b in numbers(a):
            yield (a, b)

async def take(agen, k):
    out = []
    async for item in agen:
        out.append(item)
        if len(out) == k:
            break
    return out

print(run(take(pairs(5), 6)))
print(run(take(numbers(3), 10)))
