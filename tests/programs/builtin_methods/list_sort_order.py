# list.sort makes CPython's comparisons in CPython's order (timsort with galloping and the
# powersort merge order), visible through __lt__ and through inconsistent orders like NaN.
seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

calls = []
class Key:
    def __init__(self, v, i):
        self.v = v
        self.i = i
    def __lt__(self, other):
        calls.append(self.i * 7 + other.i)
        return self.v < other.v

def make(kind, n):
    if kind == 0:
        return [rand(1000000) for i in range(n)]
    if kind == 1:
        return [rand(4) for i in range(n)]
    if kind == 2:
        v = list(range(n))
        for k in range(3 if n else 0):
            i = rand(n)
            j = rand(n)
            v[i], v[j] = v[j], v[i]
        return v
    if kind == 3:
        out = []
        while len(out) < n:
            run = sorted([rand(1000) for i in range(1 + rand(150))])
            if rand(2):
                run.reverse()
            out.extend(run)
        return out[:n]
    return [float("nan") if rand(10) == 0 else rand(100) / 7 for i in range(n)]

for n in [0, 1, 2, 10, 63, 64, 65, 130, 500, 1500]:
    for kind in range(5):
        data = make(kind, n)
        keys = [Key(v, i) for i, v in enumerate(data)]
        calls.clear()
        keys.sort()
        digest = 0
        for c in calls:
            digest = (digest * 1000003 + c) % 4294967296
        order = [k.i for k in keys]
        od = 0
        for o in order:
            od = (od * 31 + o) % 4294967296
        print(n, kind, len(calls), digest, od)
        calls.clear()
        keys.sort(reverse=True)
        print("  reversed", len(calls), [k.i for k in keys][:6])

nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0, nan, 0.5]))
print(sorted([5, 1, nan, 4, 2, 3] * 20)[:30])
