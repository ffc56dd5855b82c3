# An exception raised while handling another keeps it as __context__.
def risky(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        return int("not a number")


try:
    risky(0)
except ValueError as e:
    ctx = e.__context__
    print(type(e).__name__, "|", e)
    print(type(ctx).__name__, "|", ctx)
    print(e.__cause__, e.__suppress_context__)

try:
    try:
        raise KeyError("inner")
    except KeyError as e:
        raise RuntimeError("outer") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
