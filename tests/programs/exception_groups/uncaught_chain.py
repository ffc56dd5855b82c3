# A group raised while handling another exception, and a cause inside a group member.
def fail():
    try:
        1 / 0
    except ZeroDivisionError as z:
        err = ValueError("from zero")
        err.__cause__ = z
        raise ExceptionGroup("handling", [err, TypeError("t")])

try:
    fail()
except ExceptionGroup as g:
    try:
        raise KeyError("k")
    except KeyError:
        raise g from None
