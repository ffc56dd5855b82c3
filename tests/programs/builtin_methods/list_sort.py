# list.sort and sorted: stability, key, reverse, comparison order, errors.
def check(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "fig", "Cherry"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True), sorted(words, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c"), (1, "c")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
nums = [5, 3.5, -1, 10**20, 0, True, -2.5, 7]
nums.sort()
print(nums)
nums.sort(reverse=1)
print(nums)

log = []
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return "C" + str(self.v)

for data in [[3, 1, 2], [1, 2, 3, 4], [5, 4, 3, 2, 1], [2, 2, 1, 1, 3, 3], [4, 1, 3, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7]]:
    log.clear()
    cs = [Cmp(v) for v in data]
    cs.sort()
    print(cs, len(log), log)
    log.clear()
    cs.sort(reverse=True)
    print(cs, len(log))

calls = []
def key(v):
    calls.append(v)
    return -v
print(sorted([3, 1, 2], key=key), calls)

big = [(i * 7919) % 1000 for i in range(2000)]
s = sorted(big)
print(s[:5], s[-5:], all([s[i] <= s[i + 1] for i in range(len(s) - 1)]))
keyed = sorted(range(300), key=lambda i: i % 7)
print(keyed[:12], keyed[-5:])
print(sorted(range(300), key=lambda i: i % 5, reverse=True)[:8])

victim = [3, 1, 2]
def sneaky(v):
    print("  len during sort:", len(victim))
    return v
victim.sort(key=sneaky)
print(victim)
def grow(v):
    victim.append(v)
    return v
check("modified", lambda: victim.sort(key=grow))
print(victim)
check("sort positional", lambda: [].sort(1))
check("sort kw", lambda: [].sort(foo=1))
check("sort many kw", lambda: [].sort(a=1, b=2, c=3))
check("sort reverse none", lambda: [].sort(reverse=None))
check("sort reverse float", lambda: [1].sort(reverse=1.5))
check("sort key int", lambda: [1].sort(key=1))
check("sort key int empty", lambda: [].sort(key=1))
check("sorted kw", lambda: sorted([1], nope=1))
check("sort mixed", lambda: [1, "a"].sort())
sorted([3, None, 1])
