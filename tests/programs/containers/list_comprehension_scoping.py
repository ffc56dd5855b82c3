# Comprehension variables do not leak; nested and conditional comprehensions.
x = "outer"
squares = [x * x for x in range(5)]
print(x, squares)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
flat = [v for row in matrix for v in row if v % 2 == 0]
print(matrix, flat, [[row[i] for row in matrix] for i in range(3)])
print({w: len(w) for w in ["aa", "b"]}, [(i, j) for i in range(3) for j in range(i)])
print([v if v > 2 else -v for v in range(5)], [f"{n}!" for n in "ab"])
n = 10
print([n + i for i in range(3)], [i for i in range(20) if i % 2 if i % 3])
