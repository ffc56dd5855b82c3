# except* with finally; exceptions from the clause propagate after finally runs.
def f():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("value")
    finally:
        print("finally")

try:
    f()
except ExceptionGroup as e:
    print("escaped", repr(e))

def g():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ValueError as e:
            print("name bound:", repr(e))
        print("e unbound:", "e" in locals())
    finally:
        print("outer finally")
g()
