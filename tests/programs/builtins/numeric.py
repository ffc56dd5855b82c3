# round, pow, divmod, abs, sum, min, max, bin, oct, hex: CPython's exact results and errors.

print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.7), round(-3.7))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(2.5, 0), round(-2.5, 0))
print(round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2), round(5.0, -1), round(15.0, -1))
print(round(0.1 + 0.2, 15), round(1e300, -299), round(1.5e-300, 300), round(123.456, 400), round(123.456, -400))
print(round(-0.4, 0), round(-0.0, 2), round(0.0), round(-0.4))
print(round(7), round(7, 2), round(True), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(10**20 + 5 * 10**9, -10), round(123, -5), round(-55, -1), round(45, -1), round(5, -100))
print(round(2.5, None), round(number=3.14159, ndigits=3), round(1e22), round(-1e22), round(2**70 + 0.5))
print(type(round(2.5)), type(round(2.5, 0)), type(round(5, 1)))
for x in [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95]:
    print(round(x, 1), end=" ")
print()

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __round__(self, n=None):
        return ("round", n)
    def __abs__(self):
        return "abs!"
    def __divmod__(self, other):
        return ("divmod", other)
    def __rdivmod__(self, other):
        return ("rdivmod", other)
    def __pow__(self, e, m=None):
        return ("pow", e, m)
    def __index__(self):
        return 42
    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))
    def __radd__(self, other):
        return Money(self.cents + other)

m = Money(5)
print(round(m), round(m, 2), abs(m), divmod(m, 3), divmod(3, m), pow(m, 2), pow(m, 2, 5))
print(bin(m), oct(m), hex(m), sum([Money(1), Money(2)]).cents, sum([Money(1)], Money(10)).cents)

print(pow(2, 10), pow(2, -1), pow(2.0, 0.5), pow(-2, 3), pow(2, 100))
print(pow(2, 10, 7), pow(3, 2, -5), pow(-3, 3, 7), pow(2, -1, 3), pow(3, -2, 7), pow(5, 0, 1), pow(10**20, 10**5, 97))
print(pow(base=2, exp=5), pow(2, exp=3, mod=5), pow(2, 3, None))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(10**20, 7), divmod(True, 2))
print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-10**30), abs(-2**63))
print(bin(0), bin(5), bin(-5), oct(8), oct(-8), hex(255), hex(-255), hex(2**70), bin(True))

print(sum([0.1] * 10), sum([1, 2, 3]), sum([1, 2.5]), sum([], 10), sum([[1], [2, 3]], []), sum(((1,), (2,)), ()))
print(sum([1e100, 1.0, -1e100, 1.0]), sum([0.1, 0.2, 0.3]), sum(range(101)), sum([2**62, 2**62, 2**62]))
print(sum(x / 3 for x in range(10)), sum([1, 2], start=10), sum(iter([True, True, False])))

print(min(3, 1, 2), max(3, 1, 2), min("bca"), max([1, 5, 3]), min([], default=None), max((), default="e"))
print(min([3, -4, 2], key=abs), max(["a", "ccc", "bb"], key=len), min(1, 2, key=None), max([1, 1.0]), min([1.0, 1]))
print(max([(1, "b"), (1, "a"), (0, "z")]), min("hello", key=ord), max(range(5), default=9))
pairs = [(1, "first"), (1, "second"), (0, "third")]
print(min(pairs, key=lambda p: p[0]), max(pairs, key=lambda p: p[0]))

errors = [
    "round()", "round(1.5, 'a')", "round('a')", "round(float('inf'))", "round(float('nan'))",
    "round(1, 2, 3)", "round(x=1)", "round(1, x=2)", "round(1e308, -308)",
    "pow()", "pow(2)", "pow(2, 3, 0)", "pow(2.0, 3, 5)", "pow(2, -1, 4)", "pow(0, -1)", "pow(1, 2, 3, 4)",
    "pow('a', 2, 3)", "pow(2, 3, x=1)",
    "bin(1.0)", "bin()", "oct('a')", "hex(None)", "abs('a')", "abs()", "abs(1, 2)",
    "divmod(1, 0)", "divmod(1.0, 0)", "divmod(1, 0.0)", "divmod('a', 1)", "divmod(1)",
    "sum()", "sum(1)", "sum(['a'], '')", "sum([], 1, 2)", "sum([1, 'a'])", "sum(x=1)", "sum([], iterable=1)", "sum([], 1, start=2)",
    "min()", "min([])", "min(1)", "min(1, 2, default=3)", "min([], x=1)", "min([1, 'a'])", "min(1, 2, key=1)", "max(x=1)",
]
for e in errors:
    try:
        print(e, "->", eval(e, {}))
    except (TypeError, ValueError, OverflowError, ZeroDivisionError) as exc:
        print(e, "!!", type(exc).__name__, exc)

print(max([]))
