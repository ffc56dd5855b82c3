def table(n):
    return [[i * j for j in range(1, n + 1)] for i in range(1, n + 1)]


words = ["apple", "banana", "cherry", "date"]
lengths = {w: len(w) for w in words if len(w) > 4}
upper = [w.upper() for w in words if "a" in w if len(w) < 6]
pairs = [(x, y) for x in range(3) for y in range(x)]
total = sum(len(w) for w in words)
scale = 10
scaled = [x * scale for x in range(4)]
print(table(3), lengths, upper, pairs, total, scaled)
