# New exceptions raised in clauses are grouped with the unhandled rest in ExceptionGroup("").
def run():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise RuntimeError("from value clause")
    except* TypeError as t:
        raise OSError("from type clause") from t

try:
    run()
except ExceptionGroup as g:
    print(repr(g), g.message == "")
    for e in g.exceptions:
        print(" ", repr(e), type(e.__context__).__name__, type(e.__cause__).__name__)
