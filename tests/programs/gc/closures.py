# A recursive inner function is a cycle: function -> closure -> cell -> function.
import gc
gc.collect()

def make():
    def again(n):
        return n if n == 0 else again(n - 1)
    return again

f = make()
print(f(5))
print("while referenced:", gc.collect())
del f
print("after del:", gc.collect())

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c = counter()
print(c(), c(), c())
del c
print("no cycle here:", gc.collect())
