def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(15)])

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(900))
