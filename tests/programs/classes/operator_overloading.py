# Arithmetic and comparison dunders, reflected operands and NotImplemented.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __mul__(self, factor):
        return Money(self.cents * factor)

    def __lt__(self, other):
        return self.cents < other.cents

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __repr__(self):
        return f"Money({self.cents // 100}.{self.cents % 100:02d})"

    def __bool__(self):
        return self.cents != 0


a = Money(150)
b = Money(275)
print(a + b, 5 + a, a * 3, sum([a, b], Money(0)))
print(a < b, b < a, a == Money(150), a != b, a == 150)
print(bool(Money(0)), bool(a), sorted([b, a, Money(1)]))
print(max([a, b, Money(3)]), min(a, b))
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
