# List methods and in-place mutation, aliasing versus copying.
a = [5, 3, 8, 1]
b = a
c = a[:]
a.append(9)
a.extend([2, 7])
a.insert(0, 0)
a.insert(100, 100)
a.insert(-1, -1)
print(a, b is a, c)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(8)
print(a, a.index(3), a.count(1), 9 in a)
a.sort()
print(a)
a.sort(key=lambda v: -v)
print(a)
a.reverse()
print(a, sorted(a, reverse=True))
del a[1:3]
print(a)
a[1:2] = ["x", "y", "z"]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
a.clear()
print(a, b, len(c))
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
