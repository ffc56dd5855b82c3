# __prepare__ may return a dict subclass or another mapping; the class body writes through it.
class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return Recording()
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        cls.order = ns.order
        cls.ns_type = type(ns).__name__
        return cls

class Config(metaclass=Meta):
    b = 1
    a = 2
    def method(self):
        return self.a
    b = 3
print(Config.order, Config.b, Config().method(), Config.ns_type)

class NoDupes(dict):
    def __setitem__(self, key, value):
        if key in self and not key.startswith("__"):
            raise TypeError(f"duplicate {key!r}")
        super().__setitem__(key, value)

class Strict(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return NoDupes()
try:
    class Bad(metaclass=Strict):
        x = 1
        x = 2
except TypeError as e:
    print(type(e).__name__, e)

class Lookup:
    def __init__(self):
        self.data = {"injected": 99}
    def __getitem__(self, key):
        return self.data[key]
    def __setitem__(self, key, value):
        self.data[key] = value
    def __delitem__(self, key):
        del self.data[key]
    def keys(self):
        return self.data.keys()

class MappingMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Lookup()
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, dict(ns.data))

class UsesMapping(metaclass=MappingMeta):
    seen = injected + 1
    tmp = 5
    del tmp
print(UsesMapping.seen, hasattr(UsesMapping, "tmp"), UsesMapping.injected)

class NotMapping(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class X(metaclass=NotMapping):
        pass
except TypeError as e:
    print(type(e).__name__, e)
