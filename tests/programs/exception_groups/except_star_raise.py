# Raising and re-raising inside except* clauses.
def run(body):
    try:
        body()
    except BaseException as e:
        print(type(e).__name__, repr(e))
        if isinstance(e, BaseExceptionGroup):
            for sub in e.exceptions:
                print("  ", repr(sub), type(sub.__context__).__name__)

def reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise

def new_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")

def both():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("new")
    except* TypeError:
        raise

def all_handled():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass
    except* TypeError:
        pass
    print("all handled")

def naked_reraise():
    try:
        raise ValueError("v")
    except* ValueError:
        raise

def naked_new():
    try:
        raise ValueError("v")
    except* ValueError:
        raise TypeError("t")

for f in (reraise, new_raise, both, all_handled, naked_reraise, naked_new):
    print("--", f.__name__)
    run(f)
