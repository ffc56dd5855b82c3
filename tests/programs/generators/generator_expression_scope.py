# A generator expression's first iterable is evaluated immediately; the rest lazily.
def source(label, n):
    print("source", label)
    return range(n)


gen = (x + y for x in source("outer", 2) for y in source("inner", 2))
print("built")
print(list(gen))
data = [1, 2, 3]
g2 = (x * 2 for x in data)
data = [10, 20]
print(list(g2))
print(sum(x for x in range(10) if x % 3 == 0), max(len(w) for w in ["a", "abc", "ab"]))
print(list(x for x in []), any(x > 2 for x in data), all(x for x in []))
