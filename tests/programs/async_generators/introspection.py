# Attributes of async generators and their awaitables.
async def agen():
    yield 1

class Outer:
    async def method(self):
        yield 2

ag = agen()
print(ag.__name__, ag.__qualname__, type(ag).__name__)
m = Outer().method()
print(m.__name__, m.__qualname__)
print(ag.ag_running, ag.ag_code.co_name, ag.ag_frame is not None)
op = ag.asend(None)
print(type(op).__name__, type(ag.athrow(ValueError)).__name__, type(ag.aclose()).__name__)
print(op.__await__() is op, iter(op) is op)
try:
    op.send(None)
except StopIteration as e:
    print("first value", e.value)
try:
    await_me = [x for x in ag]
except TypeError as e:
    print("TypeError", e)
print(hasattr(ag, "__next__"), hasattr(ag, "__anext__"), hasattr(ag, "send"))
