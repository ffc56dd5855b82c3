class Meta(type):
    greeting = "hello from meta"

    def describe(cls):
        return f"class {cls.__name__} with {sorted(k for k in vars(cls) if not k.startswith('_'))}"

    @property
    def upper_name(cls):
        return cls.__name__.upper()

    def __len__(cls):
        return len(cls.members)

    def __iter__(cls):
        return iter(cls.members)

    def __getitem__(cls, i):
        return cls.members[i]

    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"


class Colors(metaclass=Meta):
    members = ["red", "green", "blue"]
    shade = "dark"


print(Colors.greeting, Colors.describe(), Colors.upper_name)
print(len(Colors), list(Colors), Colors[1], repr(Colors))
print(str(Colors))
try:
    Colors().greeting
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Colors.missing
except AttributeError as e:
    print(type(e).__name__, e)


class Own(metaclass=Meta):
    greeting = "own"
    members = []


print(Own.greeting, len(Own), "describe" in dir(Meta))
print(type(Colors).__name__, Colors.__class__.__name__)
