class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"{key!r} not found")
        self.key = key

def find(d, key):
    if key not in d:
        raise NotFound(key)
    return d[key]

try:
    find({}, "a")
except AppError as e:
    print(type(e).__name__, e, e.key, isinstance(e, Exception), e.args)

find({"a": 1}, "b")
