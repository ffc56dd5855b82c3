# An exception leaving generators nested by `for` and `yield from` (its traceback passes through
# every resumed frame).
def leaf(n):
    for i in range(n):
        yield 10 // (2 - i)


def middle(n):
    yield from leaf(n)


total = 0
for v in middle(5):
    total += v
    print(total)
