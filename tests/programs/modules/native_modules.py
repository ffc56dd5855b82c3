import math
import sys, time as t
from math import sqrt, pi as PI, factorial
print(math.sqrt(16), sqrt(2), PI, factorial(20), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.isclose(0.1 + 0.2, 0.3), math.inf, math.comb(10, 3))
print(math.hypot(3, 4), math.fabs(-2), math.trunc(-3.7), math.isqrt(99), math.prod([1, 2, 3, 4]), math.perm(5, 2))
print(sys.maxsize, sys.version_info[:2] if False else sys.version_info[0], sys.implementation.name == "kaa" or sys.implementation.name == "cpython")
print(type(t.time()).__name__, t.perf_counter() >= 0, sys.argv[0].endswith("native_modules.py"))
sys.stdout.write("written\n")
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    import not_a_module
except ImportError as e:
    print(type(e).__name__, e)
try:
    from sys import nope
except ImportError as e:
    print(e)
