# Async comprehensions and generator expressions, await inside comprehensions.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def agen(n):
    for i in range(n):
        yield i

async def double(x):
    return x * 2

async def main():
    a = [x async for x in agen(5)]
    b = {x: x * x async for x in agen(3)}
    c = {x % 2 async for x in agen(6)}
    d = [await double(x) for x in range(4)]
    e = [y async for x in agen(3) for y in range(x)]
    f = [x async for x in agen(10) if x % 3 == 0]
    g = [[y async for y in agen(x)] for x in range(3)]
    gen = (x + 100 async for x in agen(3))
    h = [v async for v in gen]
    i = [await double(x) async for x in agen(3)]
    return a, b, c, d, e, f, g, h, type(gen).__name__, i

for part in run(main()):
    print(part)

def not_async():
    return (await double(x) for x in range(2))

ag = not_async()
print(type(ag).__name__)
