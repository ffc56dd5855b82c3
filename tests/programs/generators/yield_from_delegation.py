# yield from forwards values, send() and return values through nested generators.
def inner(tag):
    got = yield f"{tag}-ready"
    while got != "stop":
        got = yield f"{tag} got {got}"
    return f"{tag} done"


def outer():
    first = yield from inner("A")
    second = yield from inner("B")
    yield (first, second)


g = outer()
print(next(g))
print(g.send(1))
print(g.send("stop"))
print(g.send(2))
print(g.send("stop"))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))
