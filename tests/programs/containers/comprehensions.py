words = ["apple", "bob", "kayak", "level", "python"]
lengths = {w: len(w) for w in words}
palindromes = {w for w in words if w == w[::-1]}
print(lengths, sorted(palindromes))
grid = {(x, y): x * y for x in range(3) for y in range(3) if x != y}
print(grid)
print({k: v for k, v in lengths.items() if v > 4})
