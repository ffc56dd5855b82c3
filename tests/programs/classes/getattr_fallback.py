# __getattr__ is consulted only for missing attributes; __setattr__ intercepts all assignments.
class Record:
    def __init__(self, **fields):
        object.__setattr__(self, "_fields", dict(fields))
        object.__setattr__(self, "writes", 0)

    def __getattr__(self, name):
        fields = object.__getattribute__(self, "_fields")
        if name in fields:
            return fields[name]
        raise AttributeError(f"no field {name!r}")

    def __setattr__(self, name, value):
        self._fields[name] = value
        object.__setattr__(self, "writes", self.writes + 1)


r = Record(x=1, y=2)
r.z = 3
r.x = 10
print(r.x, r.y, r.z, r.writes, sorted(r._fields))
print(getattr(r, "missing", "fallback"), hasattr(r, "y"), hasattr(r, "q"))
r.q
