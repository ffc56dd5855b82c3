items = [3, 1, 2]
items.append(5)
items.extend([9, 0])
print(items, len(items), items[0], items[-1], items[1:3])
items.sort()
print(items, sorted(items, reverse=True), items.pop(), items.pop(0), items)
items.reverse()
print(items, min(items), max(items), sum(items))
nested = [[1, 2], [3, 4]]
nested[1][0] = 30
print(nested, [x * 2 for x in range(5) if x % 2 == 0], [a + b for a in "ab" for b in "xy"])
del items[0]
print(items, [1, 2] + [3], [0] * 3, list(range(3)), list("abc"))
a, b, c = [1, 2, 3]
print(a, b, c)
