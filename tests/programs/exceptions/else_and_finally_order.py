# Order of try / except / else / finally blocks, with and without an exception.
def run(fail):
    trace = []
    try:
        trace.append("try")
        if fail:
            raise RuntimeError("boom")
    except RuntimeError:
        trace.append("except")
    else:
        trace.append("else")
    finally:
        trace.append("finally")
    trace.append("after")
    return trace


print(run(False))
print(run(True))


def exception_in_else():
    try:
        pass
    except ValueError:
        return "not here"
    else:
        raise ValueError("from else")
    finally:
        print("cleanup")


try:
    exception_in_else()
except ValueError as e:
    print("caught", e)
