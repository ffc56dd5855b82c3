# async for over async generators inside a coroutine, run with send(None).
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def countdown(n):
    while n > 0:
        yield n
        n -= 1

async def squares(src):
    async for x in src:
        yield x * x

async def main():
    out = []
    async for v in countdown(4):
        out.append(v)
    async for v in squares(countdown(3)):
        out.append(v)
    else:
        out.append("else")
    async for v in countdown(10):
        if v == 8:
            break
        out.append(-v)
    return out

print(run(main()))
