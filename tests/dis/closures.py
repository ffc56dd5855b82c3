def make_counter(start):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    def peek():
        return count

    return increment, peek


def outer():
    x = 1

    def middle():
        def inner():
            return x + 1
        return inner

    return middle()()


inc, peek = make_counter(10)
inc()
inc(5)
print(peek(), outer())
adders = [lambda y, n=n: y + n for n in range(3)]
print([a(10) for a in adders])
