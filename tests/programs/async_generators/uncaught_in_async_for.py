# An exception from an async generator ends the program with a traceback through both frames.
async def source():
    yield 1
    yield 1 / 0

async def main():
    async for v in source():
        print("got", v)

main().send(None)
