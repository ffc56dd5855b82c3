# Notes are printed after the exception line, one line per note line.
def check(x):
    if x < 0:
        err = ValueError(f"negative: {x}")
        err.add_note("inputs must be non-negative")
        err.add_note("got\n  " + str(x))
        raise err
    return x

check(1)
check(-5)
