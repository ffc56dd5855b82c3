# An async generator driven by hand: __anext__() awaitables, StopIteration carries the value.
async def ticker(n):
    for i in range(n):
        yield i * 10
    print("ticker done")

ag = ticker(3)
print(type(ag).__name__, ag.__name__, ag.__qualname__)
aw = ag.__anext__()
print(type(aw).__name__)
for _ in range(4):
    try:
        ag.__anext__().send(None)
    except StopIteration as e:
        print("value", e.value)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
try:
    ag.__anext__().send(None)
except StopAsyncIteration:
    print("still exhausted")
print(ag.__aiter__() is ag)
