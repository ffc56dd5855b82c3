# What leaves a try/except* keeps the original nesting of the unhandled parts.
def original():
    return ExceptionGroup("root", [
        ValueError(1),
        ExceptionGroup("branch", [TypeError(2), ValueError(3)]),
        KeyError(4),
    ])

for handled in (ValueError, TypeError, KeyError, (ValueError, KeyError)):
    try:
        try:
            raise original()
        except* handled:
            pass
    except BaseExceptionGroup as rest:
        print(handled, "->", repr(rest))
    else:
        print(handled, "-> nothing left")

try:
    try:
        raise original()
    except* ValueError:
        raise
except ExceptionGroup as same:
    print("bare raise keeps shape:", repr(same))
