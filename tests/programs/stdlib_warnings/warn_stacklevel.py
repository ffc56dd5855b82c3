# stacklevel picks the frame a warning is attributed to; module names and registries follow it.
import warnings


def inner(level):
    warnings.warn("from inner", stacklevel=level)


def outer(level):
    inner(level)


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    for level in (0, 1, 2, 3, 4, 50, -3):
        outer(level)
for w in log:
    print(w.lineno, w.filename.rsplit("/", 1)[-1], str(w.message))

# A deprecation in __main__ is shown by default; one attributed elsewhere is not.
with warnings.catch_warnings(record=True) as log:
    warnings.resetwarnings()
    warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
    warnings.simplefilter("ignore", category=DeprecationWarning, append=True)
    warnings.warn("dep main", DeprecationWarning)
    warnings.warn("dep sys", DeprecationWarning, stacklevel=10)
print([str(w.message) for w in log])
