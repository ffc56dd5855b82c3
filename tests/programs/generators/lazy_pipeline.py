# Generators are lazy: nothing runs until iteration, and infinite generators can be sliced by hand.
def naturals():
    n = 0
    while True:
        print("produce", n) if n < 3 else None
        yield n
        n += 1


def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


gen = naturals()
print("created")
print(take(5, (x * 3 for x in gen if x % 2)))
print(next(gen))


def primes():
    found = []
    candidate = 2
    while True:
        if all(candidate % p for p in found):
            found.append(candidate)
            yield candidate
        candidate += 1


print(take(15, primes()))
