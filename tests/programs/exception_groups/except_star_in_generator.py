# except* inside generators and across yields.
def gen():
    try:
        yield "start"
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as v:
        yield f"handled {v.exceptions!r}"
    except* TypeError as t:
        yield f"handled {t.exceptions!r}"
    yield "end"

print(list(gen()))

def thrower():
    try:
        yield 1
    except* KeyError as k:
        yield f"thrown in: {k.exceptions!r}"

t = thrower()
next(t)
print(t.throw(ExceptionGroup("from outside", [KeyError("x")])))
