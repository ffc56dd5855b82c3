class AutoRepr(type):
    def __new__(mcs, name, bases, ns):
        fields = [k for k, v in ns.items() if not k.startswith("_") and not callable(v)]
        ns["_fields"] = tuple(fields)

        def __repr__(self):
            parts = ", ".join(f"{f}={getattr(self, f)!r}" for f in type(self)._fields)
            return f"{type(self).__name__}({parts})"

        ns["__repr__"] = __repr__
        return super().__new__(mcs, name, bases, ns)


class Point(metaclass=AutoRepr):
    x = 0
    y = 0

    def move(self, dx):
        self.x += dx
        return self


p = Point()
p.y = 5
print(p, p.move(3), Point._fields)


class Validated(type):
    def __new__(mcs, name, bases, ns):
        for key, value in ns.items():
            if key.startswith("check_") and not callable(value):
                raise TypeError(f"{name}.{key} must be callable")
        return super().__new__(mcs, name, bases, ns)


try:
    class Broken(metaclass=Validated):
        check_me = 3
except TypeError as e:
    print(type(e).__name__, e)


class Fine(metaclass=Validated):
    def check_ok(self):
        return True


print(Fine().check_ok())
