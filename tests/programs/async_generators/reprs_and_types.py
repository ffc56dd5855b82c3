# Type names, isinstance against the running loop-free protocol, and reprs shapes.
async def agen():
    yield 1

async def coro():
    return 1

def gen():
    yield 1

ag, c, g = agen(), coro(), gen()
for obj in (ag, c, g, ag.__anext__(), ag.athrow(ValueError), ag.aclose()):
    r = repr(obj)
    print(type(obj).__name__, r.startswith("<" + type(obj).__name__ + " object"), " at 0x" in r)
c.close()
print(hasattr(ag, "__aiter__"), hasattr(g, "__aiter__"))
try:
    iter(ag)
except TypeError as e:
    print("TypeError", e)
try:
    iter(c)
except TypeError as e:
    print("TypeError", e)
