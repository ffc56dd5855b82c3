# asend passes values in; athrow raises at the yield.
def step(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return ("yielded", e.value)
    except BaseException as e:
        return ("raised", type(e).__name__, str(e))
    return ("suspended",)

async def echo():
    received = None
    while True:
        try:
            received = yield f"got {received}"
        except ValueError as e:
            received = f"caught {e}"
        if received == "stop":
            return

ag = echo()
print(step(ag.asend(None)))
print(step(ag.asend("a")))
print(step(ag.asend("b")))
print(step(ag.athrow(ValueError("boom"))))
print(step(ag.athrow(KeyError("k"))))
print(step(ag.asend("after")))

ag2 = echo()
print(step(ag2.asend(None)))
print(step(ag2.asend("stop")))
print(step(ag2.asend("x")))
try:
    ag2.asend(1).send(2)
except BaseException as e:
    print(type(e).__name__)
