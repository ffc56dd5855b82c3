# except* takes each clause's part of the group; unmatched parts are re-raised.
def raiser(*excs):
    raise ExceptionGroup("eg", list(excs))

try:
    raiser(ValueError(1), TypeError(2), ValueError(3))
except* ValueError as e:
    print("values:", repr(e))
except* TypeError as e:
    print("types:", repr(e))

try:
    try:
        raiser(ValueError(1), KeyError(2))
    except* ValueError as e:
        print("handled", repr(e))
except ExceptionGroup as rest:
    print("rest:", repr(rest))

try:
    raise ValueError("naked")
except* ValueError as e:
    print("wrapped:", repr(e), repr(e.exceptions[0]))

try:
    try:
        raise KeyError("k")
    except* ValueError:
        print("not here")
except KeyError as e:
    print("plain exception passes through:", repr(e))

try:
    raiser(ValueError(1))
except* (TypeError, ValueError) as e:
    print("tuple:", repr(e))
else:
    print("else not run")

try:
    pass
except* ValueError:
    print("no")
else:
    print("else runs")
finally:
    print("finally runs")
