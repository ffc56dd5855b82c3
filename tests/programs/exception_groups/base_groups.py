# BaseExceptionGroup with non-Exception members: caught by except*, split by kind.
try:
    raise BaseExceptionGroup("mixed", [KeyboardInterrupt(), ValueError(1), SystemExit(2)])
except* KeyboardInterrupt as e:
    print("KI", repr(e), type(e).__name__)
except* SystemExit as e:
    print("SE", repr(e))
except* Exception as e:
    print("EX", repr(e), type(e).__name__)

g = BaseExceptionGroup("b", [GeneratorExit(), ValueError(1)])
m, r = g.split(Exception)
print(type(m).__name__, repr(m), type(r).__name__, repr(r))
try:
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt()])
    except Exception:
        print("not an Exception")
except BaseExceptionGroup as e:
    print("base:", repr(e))
