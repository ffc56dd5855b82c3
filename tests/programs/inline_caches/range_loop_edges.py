import sys
print(list(range(sys.maxsize - 2, sys.maxsize)), list(range(-3, 3, 2)), list(range(5, 0, -2)))
n = 0
for i in range(sys.maxsize - 3, sys.maxsize, 2):
    n += 1
print(n)
