# Classic integer algorithms: gcd, modular exponentiation, primes, digit sums, base conversion.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def power_mod(base, exp, mod):
    result = 1
    base %= mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    return [i for i in range(n + 1) if flags[i]]


def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = ""
    sign = "-" if n < 0 else ""
    n = abs(n)
    while n:
        n, r = divmod(n, b)
        out = digits[r] + out
    return sign + out


print(gcd(1071, 462), gcd(2 ** 64, 6 ** 30), power_mod(3, 10 ** 18, 10 ** 9 + 7))
print(sieve(60), len(sieve(10000)))
print(to_base(255, 2), to_base(-255, 16), to_base(10 ** 20, 36), int(to_base(10 ** 20, 36), 36))
print(sum(int(d) for d in str(2 ** 1000)))
