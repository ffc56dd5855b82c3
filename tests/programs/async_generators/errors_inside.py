# Exceptions inside async generators: propagation, StopIteration/StopAsyncIteration conversion.
def step(aw):
    try:
        return ("yield", aw.send(None))
    except StopIteration as e:
        return ("stop", e.value)
    except BaseException as e:
        return ("raised", type(e).__name__, str(e), type(e.__cause__).__name__)

async def fails():
    yield 1
    raise KeyError("inside")

ag = fails()
print(step(ag.__anext__()))
print(step(ag.__anext__()))
print(step(ag.__anext__()))

async def raises_stop():
    yield 1
    raise StopIteration(5)

ag = raises_stop()
print(step(ag.__anext__()))
print(step(ag.__anext__()))

async def raises_stop_async():
    yield 1
    raise StopAsyncIteration

ag = raises_stop_async()
print(step(ag.__anext__()))
print(step(ag.__anext__()))

async def uses(ag):
    total = 0
    async for v in ag:
        total += v
    return total

async def numbers():
    yield 1
    yield 2
    raise ValueError("midway")

print(step(uses(numbers())))
