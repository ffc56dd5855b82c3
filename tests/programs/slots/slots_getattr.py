class Lazy:
    __slots__ = ("_cache",)

    def __getattr__(self, name):
        if name == "_cache":
            self._cache = {}
            return self._cache
        return self._cache.setdefault(name, len(name))


z = Lazy()
print(z.alpha, z.be, z._cache)


class Guarded:
    __slots__ = ("value",)

    def __setattr__(self, name, v):
        print("setting", name)
        object.__setattr__(self, name, v)


g = Guarded()
g.value = 1
print(g.value)
try:
    g.other = 2
except AttributeError as e:
    print(type(e).__name__, e)
