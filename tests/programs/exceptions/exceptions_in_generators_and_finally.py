# Exceptions crossing generator frames, finally in generators, exceptions from next() in a loop.
def faulty(n):
    try:
        for i in range(n):
            if i == 2:
                raise ValueError(f"bad item {i}")
            yield i
    finally:
        print("generator cleanup")


collected = []
try:
    for v in faulty(5):
        collected.append(v)
except ValueError as e:
    print("caught", e, collected)


def convert(items):
    for item in items:
        try:
            yield int(item)
        except ValueError:
            yield -1


print(list(convert(["1", "x", "3"])))
g = faulty(5)
print(next(g), next(g))
next(g)
