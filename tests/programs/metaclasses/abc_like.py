class AbstractMeta(type):
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        required = set()
        for base in reversed(cls.__mro__):
            for key, value in vars(base).items():
                if getattr(value, "_abstract", False):
                    required.add(key)
                elif key in required:
                    required.discard(key)
        cls._required = frozenset(required)
        return cls

    def __call__(cls, *args, **kwargs):
        if cls._required:
            missing = ", ".join(sorted(cls._required))
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract methods {missing}")
        return super().__call__(*args, **kwargs)


def abstract(func):
    func._abstract = True
    return func


class Shape(metaclass=AbstractMeta):
    @abstract
    def area(self):
        pass

    @abstract
    def name(self):
        pass

    def describe(self):
        return f"{self.name()} of area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def name(self):
        return "square"


class Half(Shape):
    def area(self):
        return 1


print(Square(3).describe())
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted(Shape._required), sorted(Square._required))
