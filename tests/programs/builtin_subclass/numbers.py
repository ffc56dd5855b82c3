# Subclasses of int and float behave as their base in every operation.
class MyInt(int):
    def double(self):
        return self * 2

x = MyInt(5)
print(x, repr(x), type(x).__name__, isinstance(x, int), type(x) is int)
print(x + 1, 1 + x, x * 2.5, x / 2, x // 2, x % 3, x ** 2, -x, abs(MyInt(-3)), ~x)
print(type(x + 1).__name__, type(-x).__name__, x.double(), x.bit_length(), x.real, x.denominator)
print(x == 5, 5 == x, x == 5.0, x < 6, x >= 5.0, hash(x) == hash(5), {x: 1}[5], {5: 'five'}[x])
print(int(x), float(x), str(x), f"{x:>4}", f"{x:x}", "%d|%s|%r" % (x, x, x), bool(MyInt(0)))
print(list(range(x)), [10, 20, 30, 40, 50, 60][x], divmod(x, 2), round(x, -1), sum([x, x]))
print(sorted([MyInt(3), 1, MyInt(2)]), max(MyInt(1), 2), min([x, 7]))
x.tag = "t"
print(x.tag, vars(x))

class Celsius(float):
    def __new__(cls, value, unit="C"):
        self = super().__new__(cls, value)
        self.unit = unit
        return self
    def __repr__(self):
        return f"{float(self)}°{self.unit}"
    def __add__(self, other):
        return Celsius(float(self) + other, self.unit)

c = Celsius(21.5)
print(c, repr(c), c + 1, type(c + 1).__name__, c * 2, 1 + c, c > 20, round(c), int(c), c.is_integer())
print(str(c), f"{c:.2f}", c.hex() == (21.5).hex(), c.unit)

class Flags(int):
    def __or__(self, other):
        return Flags(int(self) | int(other))
    def __repr__(self):
        return f"Flags({int(self)})"
print(Flags(1) | 2, Flags(1) | Flags(4), 2 | Flags(1), Flags(3) & 1)

class Big(int):
    pass
b = Big(2 ** 70)
print(b, b + 1, b > 2 ** 69, type(b).__name__, Big("ff", 16), Big(), Big(True))
print(int.__repr__(MyInt(9)), float.__repr__(Celsius(2.0)))
try:
    MyInt("x")
except ValueError as e:
    print(type(e).__name__, e)
try:
    MyInt(1) + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    MyInt(1) < "a"
except TypeError as e:
    print(type(e).__name__, e)
