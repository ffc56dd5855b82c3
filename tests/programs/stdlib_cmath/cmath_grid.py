# cmath over a grid of finite, tiny, huge, signed-zero, infinite and NaN parts: every function,
# with the results' reprs (signs of zeros included) and CPython's domain/range errors.
import cmath
import math

parts = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e-310, -1e-320, 1e300, -1e300, 710.0, -710.0,
         math.inf, -math.inf, math.nan]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log", "log10",
         "sin", "sinh", "sqrt", "tan", "tanh"]
for name in names:
    f = getattr(cmath, name)
    out = []
    for re in parts:
        for im in parts:
            try:
                out.append(repr(f(complex(re, im))))
            except (ValueError, OverflowError) as e:
                out.append(type(e).__name__[0])
    print(name, " ".join(out))


def attempt(f, *args):
    try:
        return repr(f(*args))
    except (ValueError, OverflowError) as e:
        return type(e).__name__[0]


for re in parts:
    print("phase", re, [attempt(cmath.phase, complex(re, im)) for im in parts])
    print("polar", [attempt(cmath.polar, complex(re, im)) for im in parts])
    row = []
    for phi in parts:
        try:
            row.append(repr(cmath.rect(re, phi)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__[0])
    print("rect", " ".join(row))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.log(8, 2), cmath.log(1j, 1j), cmath.log(100, 10), cmath.log10(1000))
for bad in [lambda: cmath.log(1, 1), lambda: cmath.log(0), lambda: cmath.sqrt("x"),
            lambda: cmath.sqrt(), lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.polar(complex(1e308, 1e308))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1), cmath.isclose(1, 1.1, abs_tol=0.2),
      cmath.isclose(complex(math.inf, 0), complex(math.inf, 0)), cmath.isclose(math.nan, math.nan))
print(cmath.isnan(complex(0, math.nan)), cmath.isinf(complex(math.inf, 0)), cmath.isfinite(1 + 2j))


class C:
    def __complex__(self):
        return 3 + 4j


class F:
    def __float__(self):
        return 2.0


class I:
    def __index__(self):
        return 9


print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(-4), cmath.exp(True), cmath.sqrt(10**20))
