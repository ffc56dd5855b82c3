# athrow into a generator that handles the exception and continues or stops.
def step(aw):
    try:
        return ("yield", aw.send(None))
    except StopIteration as e:
        return ("value", e.value)
    except BaseException as e:
        return ("raised", type(e).__name__, str(e))

async def resilient():
    n = 0
    while n < 3:
        try:
            yield n
        except ValueError as e:
            print("recovered from", e)
        n += 1

ag = resilient()
print(step(ag.__anext__()))
print(step(ag.athrow(ValueError("one"))))
print(step(ag.athrow(ValueError("two"))))
print(step(ag.athrow(ValueError("three"))))
print(step(ag.__anext__()))
print(step(ag.athrow(TypeError("after the end"))))
