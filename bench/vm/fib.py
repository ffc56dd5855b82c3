# Recursive calls: naive Fibonacci plus a mutually recursive pair.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


total = fib(30)
parity = 0
for k in range(20000):
    if is_even(k % 300):
        parity += 1
print("fib", total, parity)
