class Logged:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        if not name.startswith("_"):
            print("get", name)
        return object.__getattribute__(self, name)

    def method(self):
        return "m"


o = Logged()
print(o.x)
print(o.method())
try:
    o.missing
except AttributeError as e:
    print(type(e).__name__, e)


class Fallback:
    def __getattribute__(self, name):
        if name == "special":
            return "special!"
        return super().__getattribute__(name)

    def __getattr__(self, name):
        return f"fallback for {name}"


f = Fallback()
f.real = 5
print(f.special, f.real, f.anything)


class Raises:
    def __getattribute__(self, name):
        raise AttributeError(f"no {name} here")

    def __getattr__(self, name):
        return "rescued " + name


print(Raises().thing)


class Strict:
    def __getattribute__(self, name):
        raise KeyError(name)

    def __getattr__(self, name):
        return "never"


try:
    Strict().x
except KeyError as e:
    print(type(e).__name__, e)


class Upper:
    def __init__(self):
        self.value = "abc"

    def __getattribute__(self, name):
        v = object.__getattribute__(self, name)
        return v.upper() if isinstance(v, str) else v


u = Upper()
print(u.value, getattr(u, "value"), hasattr(u, "nope"))
