# An exception group as the cause of a plain exception.
try:
    raise ExceptionGroup("several", [ValueError(1), TypeError(2)])
except ExceptionGroup as g:
    raise RuntimeError("summary") from g
