class EnumMeta(type):
    def __new__(mcs, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_") and isinstance(v, int)}
        cls = super().__new__(mcs, name, bases, ns)
        cls._members = {}
        for key, value in members.items():
            inst = object.__new__(cls)
            inst.name, inst.value = key, value
            setattr(cls, key, inst)
            cls._members[key] = inst
        return cls

    def __iter__(cls):
        return iter(cls._members.values())

    def __len__(cls):
        return len(cls._members)

    def __contains__(cls, item):
        return item in cls._members.values()

    def __getitem__(cls, name):
        return cls._members[name]


class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value}>"


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(list(Color), len(Color), Color.RED, Color["BLUE"])
print(Color.GREEN in Color, 2 in Color, Color.RED.value, type(Color.RED).__name__)
print([c.name for c in Color if c.value > 1])
try:
    Color["PINK"]
except KeyError as e:
    print(type(e).__name__, e)
print(isinstance(Color.RED, Color), isinstance(Color.RED, Enum), type(Color).__name__)
