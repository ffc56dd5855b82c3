import sys
# Inside an except* clause the exception being handled is the matched part.
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as e:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), v is e, tb is not None)
except* TypeError as e:
    print(repr(sys.exc_info()[1]), sys.exc_info()[1] is e)
print(sys.exc_info())

def nested():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print("V", repr(e))
    except* TypeError as e:
        print("T", repr(e))
nested()
