log = []


class Tracer:
    cls_attr = "c"

    def __init__(self):
        self.inst = "i"

    def __getattribute__(self, name):
        log.append(("getattribute", name))
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        log.append(("getattr", name))
        if name == "computed":
            return 42
        raise AttributeError(name)


t = Tracer()
log.clear()
print(t.inst, t.cls_attr, t.computed)
try:
    t.nothing
except AttributeError as e:
    print(type(e).__name__, e)
print(log)
log.clear()
print(getattr(t, "inst"), hasattr(t, "zzz"), getattr(t, "zzz", "dflt"))
print(log)


class Selective:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return super().__getattribute__(name)

    secret = "visible?"
    public = "yes"


print(Selective().public, hasattr(Selective(), "secret"), Selective.secret)
