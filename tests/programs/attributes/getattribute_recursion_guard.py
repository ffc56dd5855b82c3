class Counter:
    def __init__(self):
        object.__setattr__(self, "hits", {})

    def __getattribute__(self, name):
        hits = object.__getattribute__(self, "hits")
        hits[name] = hits.get(name, 0) + 1
        return object.__getattribute__(self, name)

    def value(self):
        return 1


c = Counter()
c.value()
c.value()
c.hits
print(object.__getattribute__(c, "hits"))
try:
    object.__getattribute__(c, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
