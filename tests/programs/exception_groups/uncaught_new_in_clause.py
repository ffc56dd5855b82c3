# Uncaught: a clause raised a new exception while another part stays unhandled.
def work():
    raise ExceptionGroup("jobs", [ValueError("job 1"), TypeError("job 2")])

try:
    work()
except* ValueError as e:
    raise RuntimeError("could not recover") from e
