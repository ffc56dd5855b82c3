# aclose raises GeneratorExit at the yield; finally blocks run.
def step(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return ("done", e.value)
    except BaseException as e:
        return ("raised", type(e).__name__, str(e))
    return ("suspended",)

async def resource():
    print("open")
    try:
        yield 1
        yield 2
    finally:
        print("closed")

ag = resource()
print(step(ag.__anext__()))
print(step(ag.aclose()))
print(step(ag.__anext__()))
print(step(ag.aclose()))

never = resource()
print(step(never.aclose()))
print(step(never.__anext__()))

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
print(step(s.__anext__()))
print(step(s.aclose()))

async def swallow():
    try:
        yield 1
    except GeneratorExit:
        print("cleanup, then return")

w = swallow()
print(step(w.__anext__()))
print(step(w.aclose()))
