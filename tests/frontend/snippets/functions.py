import functools

@functools.lru_cache(maxsize=None)
@decorator.attr(arg)[0]
def f(a, b: int, /, c=1, *args: str, d, e: float = 2.0, **kwargs) -> 'R':
    """Docstring."""
    global g
    def inner():
        nonlocal a
        a = 1
    return a

async def g(x):
    await x
    async with a as b, c:
        pass
    async for i in b:
        yield i
    return [i async for i in b if await i]

lambda: 0
lambda x, /, y=1, *z, w, **v: (x, y, z, w, v)
lambda *, k: k
def h(*, k): pass
def gen():
    x = yield
    y = yield from gen()
    await_ = yield 1, 2
