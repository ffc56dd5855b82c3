# warnings over _warnings: actions, registries, once/module/always/default, categories, errors.
import warnings
import _warnings

print(warnings.warn is _warnings.warn, warnings.filters is _warnings.filters)
print(_warnings._defaultaction, _warnings._onceregistry == {})
print(warnings.filters[-4:])


def emit(msg="m", cat=UserWarning):
    warnings.warn(msg, cat)


def run(action, n=3, **kw):
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter(action, **kw)
        for _ in range(n):
            emit()
        emit("other")
        for i in range(2):
            warnings.warn("loop")
    return [(str(w.message), w.category.__name__, w.lineno) for w in log]


for action in ("default", "always", "once", "module", "ignore"):
    print(action, run(action))

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn(DeprecationWarning("instance"))
    warnings.warn("t", RuntimeWarning)
    warnings.warn(5)

    class MyWarning(UserWarning):
        pass

    warnings.warn("mine", MyWarning)
    warnings.warn(MyWarning("mine2"), RuntimeWarning)
print([(repr(w.message), w.category.__name__) for w in log])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        emit("boom")
    except UserWarning as e:
        print("raised", type(e).__name__, e)
    warnings.filterwarnings("ignore", message="quiet")
    emit("quiet please")
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    emit("x", RuntimeWarning)
    try:
        emit("x", FutureWarning)
    except FutureWarning as e:
        print("raised", e)

for bad in [(lambda: warnings.warn("x", int)), (lambda: warnings.warn("x", 5)),
            (lambda: warnings.warn()), (lambda: warnings.warn("x", UserWarning, "a"))]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

with warnings.catch_warnings():
    warnings.filters[:] = [("bogus", None, Warning, None, 0)]
    try:
        emit("x")
    except RuntimeError as e:
        print("RuntimeError", e)
    warnings.filters[:] = ["not a tuple"]
    try:
        emit("x")
    except ValueError as e:
        print("ValueError", e)

# The registry of the calling module records what was shown.
reg = globals().get("__warningregistry__")
print(type(reg).__name__, "version" in reg)
warnings.resetwarnings()
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn_explicit("explicit", UserWarning, "somefile.py", 7)
    warnings.warn_explicit("explicit", UserWarning, "somefile.py", 8, module="mod", registry={})
    warnings.warn_explicit(UserWarning("inst"), None, "f.py", 1)
print([(str(w.message), w.filename, w.lineno) for w in log])
for args in [("m", UserWarning, 5, 1), ("m", UserWarning, "f", 1, None, 5)]:
    try:
        warnings.warn_explicit(*args)
    except TypeError as e:
        print("TypeError", e)
