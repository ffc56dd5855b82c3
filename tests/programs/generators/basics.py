def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count_up(5)), sum(count_up(101)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stopped with", e.value if False else e.args)

def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    return received

e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as stop:
    print("returned", stop.args)

squares = (x * x for x in range(6) if x % 2 == 0)
print(list(squares), list(squares))
print(sum(x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]))

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain([1, 2], "ab", count_up(3))))

def delegate():
    result = yield from count_up(2)
    yield result

print(list(delegate()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for n in fib():
    if n > 100:
        break
    out.append(n)
print(out)

def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")

c = with_cleanup()
print(next(c))
c.close()
print("closed")

def catcher():
    while True:
        try:
            yield
        except ValueError as err:
            print("caught inside:", err)

k = catcher()
next(k)
k.throw(ValueError("boom"))
k.close()
