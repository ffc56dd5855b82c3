async def f():
    await 5

f().send(None)
