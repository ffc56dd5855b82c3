def gen(n):
    a, b, c = 0, 1, 2
    for i in range(n):
        yield a + b + c + i
        a, b, c = b, c, a
print(sum(gen(100)), list(gen(5)))
def nested():
    yield from gen(3)
    yield from (x * 2 for x in gen(3))
print(list(nested()))
g = gen(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration:
    print("done")
