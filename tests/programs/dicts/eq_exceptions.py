class Touchy:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise ValueError(f"cannot compare {self.n}")


d = {Touchy(1): "one"}
try:
    d[Touchy(2)]
except ValueError as e:
    print(type(e).__name__, e)
try:
    Touchy(3) in {Touchy(4)}
except ValueError as e:
    print(type(e).__name__, e)
t = Touchy(5)
print({t: "same object"}[t])


class Mutator:
    target = None

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 0

    def __eq__(self, other):
        if Mutator.target is not None:
            Mutator.target.clear()
            Mutator.target = None
        return isinstance(other, Mutator) and self.n == other.n


d = {Mutator(1): "a", Mutator(2): "b"}
Mutator.target = d
print(d.get(Mutator(2), "not found"), len(d))


class HashCount:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        HashCount.calls += 1
        return hash(self.v)

    def __eq__(self, other):
        return self.v == other.v


d = {}
for i in range(3):
    d[HashCount(i)] = i
print(HashCount.calls, d[HashCount(1)], HashCount.calls)
