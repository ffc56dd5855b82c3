for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=" ")
print()
n = 0
while n < 5:
    n += 1
else:
    print("while finished", n)
for i in range(3):
    pass
else:
    print("for finished", i)
for i in range(10, 0, -3):
    print(i, end=",")
print()
for i, ch in enumerate("abc", 1):
    print(i, ch)
total = 0
for row in [[1, 2], [3, 4]]:
    for v in row:
        total += v
print(total, any([0, 1]), all([1, 0]), sum(range(101)))
