# 'return' with a value is not allowed in an async generator.
async def bad():
    yield 1
    return 2
