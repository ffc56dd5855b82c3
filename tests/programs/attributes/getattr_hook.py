class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        print("delegating", name)
        return getattr(self._target, name)


p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.count(1))
try:
    p.nonexistent
except AttributeError as e:
    print(type(e).__name__, e)


class Default:
    known = 1

    def __getattr__(self, name):
        if name.startswith("opt_"):
            return None
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")


d = Default()
print(d.known, d.opt_color, getattr(d, "opt_size", "x"), hasattr(d, "other"))
try:
    d.other
except AttributeError as e:
    print(type(e).__name__, e)


class WithProp:
    @property
    def broken(self):
        raise AttributeError("inner failure")

    def __getattr__(self, name):
        return "getattr:" + name


print(WithProp().broken)
