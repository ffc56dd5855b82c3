# An exception raised in finally replaces the one in flight, which becomes its __context__.
def f():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")


try:
    f()
except KeyError as e:
    print(repr(e), repr(e.__context__))


def g():
    try:
        return 1 / 0
    except ZeroDivisionError:
        raise
    finally:
        print("g finally")


try:
    g()
except ZeroDivisionError as e:
    print("still", type(e).__name__)
f()
