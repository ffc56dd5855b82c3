# A second __anext__ while one is in progress; reusing an awaited awaitable.
class Suspend:
    def __await__(self):
        yield "suspended"

async def slow():
    await Suspend()
    yield "value"

def step(aw):
    try:
        return ("yield", aw.send(None))
    except StopIteration as e:
        return ("stop", e.value)
    except BaseException as e:
        return ("raised", type(e).__name__, str(e))

ag = slow()
first = ag.__anext__()
print(step(first))
second = ag.__anext__()
print(step(second))
print(step(ag.athrow(ValueError)))
print(step(ag.aclose()))
print(step(first))
print(step(first))
done = ag.__anext__()
print(step(done))
t = ag.athrow(KeyError)
print(step(t))
print(step(t))
