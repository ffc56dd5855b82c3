# A custom exception hierarchy; handlers pick the first matching clause.
class AppError(Exception):
    code = 1


class NetworkError(AppError):
    code = 2


class TimeoutError_(NetworkError):
    code = 3

    def __init__(self, seconds):
        super().__init__(f"timed out after {seconds}s")
        self.seconds = seconds


def fail(kind):
    if kind == "timeout":
        raise TimeoutError_(5)
    if kind == "network":
        raise NetworkError("connection refused")
    if kind == "app":
        raise AppError("generic")
    if kind == "key":
        raise KeyError(kind)
    return "fine"


for kind in ("timeout", "network", "app", "key", "none"):
    try:
        print(fail(kind))
    except TimeoutError_ as e:
        print("timeout", e.seconds, e, e.code)
    except NetworkError as e:
        print("network", e, e.code)
    except (AppError, KeyError) as e:
        print("other", type(e).__name__, e)
raise TimeoutError_(9)
