# Breaking out of async for leaves the generator suspended; aclose runs its finally.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def numbers(log):
    try:
        for i in range(100):
            log.append(f"yield {i}")
            yield i
    finally:
        log.append("finally")

async def main():
    log = []
    ag = numbers(log)
    async for v in ag:
        if v == 2:
            break
    log.append("after break")
    await ag.aclose()
    log.append("after aclose")
    await ag.aclose()
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        log.append("exhausted")
    return log

print(run(main()))
