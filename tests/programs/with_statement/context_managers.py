class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"exit {self.name} {exc_type.__name__ if exc_type else None}")
        return self.name == "swallow"

log = []
with Resource("a", log) as r:
    log.append(f"body uses {r.name}")
with Resource("outer", log), Resource("inner", log) as inner:
    log.append("nested " + inner.name)
with Resource("swallow", log):
    raise ValueError("hidden")
try:
    with Resource("keep", log):
        raise KeyError("shown")
except KeyError as e:
    log.append(f"caught {e!r}")

def early_return():
    with Resource("ret", log):
        return "returned"

print(early_return())
for i in range(3):
    with Resource(f"loop{i}", log):
        if i == 1:
            break
print("\n".join(log))
