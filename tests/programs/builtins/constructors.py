# Calling the built-in types: int, float, str, bool, list, tuple, dict, set, range, property, super.
class I:
    def __index__(self): return 5
class N:
    def __int__(self): return 9
class T:
    def __trunc__(self): return 11
class F:
    def __float__(self): return 1.25
class BadF:
    def __float__(self): return 1
class BadI:
    def __int__(self): return "x"
tests = ["int(' 12 ')", "int('0x1f', 16)", "int('0x1f', 0)", "int('0b101', 0)", "int('0o17', 0)", "int('017', 0)", "int('00', 0)", "int('0_0', 0)", "int('1_000')", "int('1__0')", "int('_1')", "int('1_')",
 "int('１２')", "int('z', 36)", "int('Z', 36)", "int('10', 2)", "int('12', 2)", "int('', 10)", "int(' ')", "int('+5')", "int('- 5')", "int('-0x10', 16)", "int('0x', 16)", "int('0x_1', 16)", "int(3.99)", "int(-3.99)", "int(1e20)", "int(True)",
 "int(I())", "int(N())", "int(BadI())", "int([])", "int(None)", "int('1', base=1)", "int('1', 37)", "int(1, 10)", "int(base=10)", "int(x=5)", "int('9'*5000)", "int('1'*4300) > 0",
 "float('1e5')", "float(' -inf ')", "float('nan')", "float('-NaN')", "float('infinity')", "float('1_000.5')", "float('1__0')", "float('_1')", "float('1_')", "float('1e1_0')", "float('.5')", "float('5.')", "float('.')", "float('e5')", "float('1e')", "float('0x10')", "float('')", "float(' ')",
 "float(F())", "float(I())", "float(BadF())", "float(N())", "float([])", "float('１.５')", "float(10**400)",
 "str()", "str(5)", "str(object=5)", "str('a', 'utf-8')", "str(1, 'utf-8')", "str(1, 2, 3, 4)", "str(b=1)",
 "bool()", "bool([])", "bool(x=1)", "list(x=1)", "tuple('ab')", "dict(a=1, b=2)", "dict([('a', 1)], b=2)", "dict([1, 2])", "dict([(1, 2, 3)])", "dict({1: 2}, **{'x': 3})", "set('aab') == {'a', 'b'}", "frozenset([1, 1])",
 "range(I())", "range(1.5)", "range(0, 10, 0)", "range(x=1)",
 "property(1, 2, 3, 4, 5)", "property(fget=1, x=2)", "classmethod()", "staticmethod(1, 2)", "super(1)", "super(int, 1, 2)", "super(x=1)",
]
globals_ = {"I": I, "N": N, "F": F, "BadF": BadF, "BadI": BadI}
for t in tests:
    try:
        r = eval(t, globals_)
        print(t, "->", repr(r)[:60])
    except Exception as e:
        print(t, "!!", type(e).__name__, str(e)[:100])
int("12a")
