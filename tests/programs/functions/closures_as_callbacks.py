# Event dispatch with callbacks stored in dicts and lists.
handlers = {}


def on(event):
    def register(fn):
        handlers.setdefault(event, []).append(fn)
        return fn
    return register


log = []


@on("save")
def backup(data):
    log.append(f"backup {data}")


@on("save")
def notify(data):
    log.append(f"notify {data}")
    return "notified"


@on("load")
def read(data):
    return data.upper()


def emit(event, data):
    return [h(data) for h in handlers.get(event, [])]


print(emit("save", "doc"), emit("load", "doc"), emit("none", 1))
print(log, sorted(handlers), [f.__name__ for f in handlers["save"]])
