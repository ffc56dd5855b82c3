# except* blocks nested inside each other and inside plain except.
def make():
    return ExceptionGroup("all", [ValueError("v"), TypeError("t"), KeyError("k"), OSError("o")])

try:
    try:
        raise make()
    except* ValueError as v:
        print("inner V", repr(v))
    except* TypeError as t:
        print("inner T", repr(t))
except* KeyError as k:
    print("outer K", repr(k))
except* OSError as o:
    print("outer O", repr(o))

try:
    raise make()
except ExceptionGroup as g:
    try:
        raise g
    except* (KeyError, OSError) as part:
        print("part", repr(part))
    except* Exception as others:
        print("others", repr(others))
