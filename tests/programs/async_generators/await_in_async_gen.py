# await inside an async generator passes the event loop's values through.
class Tick:
    def __await__(self):
        v = yield "tick"
        return v

async def timed():
    a = await Tick()
    yield f"after first tick: {a}"
    b = await Tick()
    yield f"after second tick: {b}"

ag = timed()
op = ag.__anext__()
print(op.send(None))
try:
    op.send("A")
except StopIteration as e:
    print(e.value)
op = ag.__anext__()
print(op.send(None))
try:
    op.send("B")
except StopIteration as e:
    print(e.value)
try:
    ag.__anext__().send(None)
except StopAsyncIteration:
    print("exhausted")
