import math
print(math.log(8, 2), math.log(100, 10), math.log(2**1000), math.log(2**1000, 2), math.log10(10**50), math.log2(2**70 + 1))
print(math.log(1e-300), math.log1p(1e-20), math.exp(1e-10))
print(math.isqrt(10**40 + 12345), math.isqrt(0), math.comb(50, 25), math.perm(10, 3), math.perm(5), math.factorial(25))
print(math.gcd(2**80, 6**40), math.gcd(-12, 18), math.gcd(0, 0), math.prod([1, 2, 3], start=2), math.prod([]), math.prod([1.5, 2]))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(10**30), math.ceil(2.0000001), math.floor(True))
class F:
    def __floor__(self): return 'floor!'
    def __ceil__(self): return 'ceil!'
    def __trunc__(self): return 'trunc!'
pass
print(math.pow(2, 0.5), math.pow(-8, 1/3) if False else '', math.pow(0, 0), math.pow(float('inf'), 0), math.pow(2, -1))
print(math.fmod(-7, 3), math.fmod(7, -3), math.copysign(1, -0.0), math.atan2(0, -1), math.degrees(math.pi), math.radians(180))
print(math.sqrt(2), math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.sinh(1), math.cosh(1), math.tanh(1))
print(math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9), math.isinf(-math.inf), math.isnan(math.nan))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
def check(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: math.sqrt(-1))
check(lambda: math.log(0))
check(lambda: math.log(-1))
check(lambda: math.log(10, 1))
check(lambda: math.log(10, 0))
check(lambda: math.exp(1000))
check(lambda: math.factorial(-1))
check(lambda: math.factorial(1.5))
check(lambda: math.isqrt(-1))
check(lambda: math.comb(-1, 2))
check(lambda: math.comb(5, -1))
check(lambda: math.comb(5.0, 2))
check(lambda: math.perm(5, 6))
check(lambda: math.pow(0, -1))
check(lambda: math.pow(-1, 0.5))
check(lambda: math.fmod(1, 0))
check(lambda: math.floor('x'))
check(lambda: math.sqrt('x'))
check(lambda: math.gcd(1.5, 2))
check(lambda: math.log(2**10000) > 6931)
check(lambda: math.cos(math.inf))
check(lambda: math.isclose(1, 2, rel_tol=-1))
check(lambda: math.prod(5))
check(lambda: math.sqrt())
check(lambda: math.log())
class F:
    def __floor__(self): return 'floor!'
    def __ceil__(self): return 'ceil!'
    def __trunc__(self): return 'trunc!'
print(math.floor(F()), math.ceil(F()), math.trunc(F()))
class G:
    def __float__(self): return 2.5
print(math.floor(G()), math.ceil(G()))
check(lambda: math.trunc(G()))
