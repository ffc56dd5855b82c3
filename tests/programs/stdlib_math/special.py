import math

for x in [0.5, 1, 1.5, 2, 3, 5.5, 10, 20.25, 23, 24, 30.5, 100.1, 170.5, -0.5, -1.5, -2.5, -10.3, 1e-21, -1e-21, 150.7, -150.7]:
    print(x, math.gamma(x), math.lgamma(x))
for x in [0.0, 0.1, 0.5, 1.0, -0.3, 2.5, 5.0, -5.0, 30.0]:
    print(x, math.erf(x), math.erfc(x))
for x in [1.0, 2.0, 10.0]:
    print(math.acosh(x), math.asinh(x), math.atanh(x / 11), math.exp2(x), math.expm1(x / 1000), math.log1p(x / 1000))
for x in [0.0, 1.0, 8.0, -3.75, 1e-310, 1e300, float('inf')]:
    print(math.frexp(x), math.modf(x))
print(math.ldexp(1.5, 3), math.ldexp(1.0, -1074), math.ldexp(1.0, -1075), math.ldexp(0.75, -1073), math.ldexp(-2.0, 10))
for x, y in [(5, 3), (5.5, 2), (-7, 2), (7, -2), (3, 2), (-3, 2), (1e300, 3.0), (0.0, 1.0), (6, 4), (2, 4)]:
    print(x, y, math.remainder(x, y))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(0.0, -1.0), math.nextafter(2.0, 2.0))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1e300), math.ulp(-5.0), math.ulp(float('inf')), math.ulp(1.7976931348623157e308))
print(math.hypot(3, 4), math.hypot(1, 1, 1), math.hypot(), math.hypot(-5), math.hypot(1e300, 1e300), math.hypot(1e-320, 1e-320))
print(math.hypot(0.1, 0.2, 0.3), math.hypot(*range(10)), math.hypot(float('inf'), float('nan')), math.hypot(1.5, float('nan')))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.dist((), ()), math.dist((1.1,), (2.3,)))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum(x / 7 for x in range(100)))
print(math.fsum([1.0, 1e-16, 1e-16]), math.fsum([2.0 ** 53, 1.0, 2.0 ** -53]), math.fsum([float('inf'), 1.0]))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6, 10), math.lcm(2**70, 3), math.gcd(12, 18, 27), math.gcd())
def check(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: math.gamma(0))
check(lambda: math.gamma(-2))
check(lambda: math.gamma(200))
check(lambda: math.gamma(float('-inf')))
check(lambda: math.lgamma(0))
check(lambda: math.lgamma(-3))
check(lambda: math.atanh(1))
check(lambda: math.log1p(-1))
check(lambda: math.acosh(0.5))
check(lambda: math.exp2(5000))
check(lambda: math.expm1(1000))
check(lambda: math.ldexp(1.0, 5000))
check(lambda: math.ldexp(1.0, 1.5))
check(lambda: math.remainder(1, 0))
check(lambda: math.remainder(float('inf'), 1))
check(lambda: math.dist((1, 2), (1,)))
check(lambda: math.dist(1, 2))
check(lambda: math.fsum([float('inf'), float('-inf')]))
check(lambda: math.fsum([1e308, 1e308]))
check(lambda: math.fsum(['a']))
check(lambda: math.hypot('a'))
check(lambda: math.lcm(1.5))
check(lambda: math.erf('x'))
check(lambda: math.gamma())
