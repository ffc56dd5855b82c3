def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

c = make_counter()
print(c(), c(), c())

def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]

print([f(10) for f in make_adders()])

def outer(x):
    def middle():
        def inner():
            return x * 2
        return inner()
    return middle()

print(outer(21))
