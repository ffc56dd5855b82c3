point = (3, 4)
x, y = point
print(point, x, y, len(point), point[0], (1,), (), tuple([1, 2]))
a, b = 1, 2
a, b = b, a
print(a, b, (1, 2) + (3,), (0,) * 3, point.__class__ if False else "ok")
print(hash((1, 2)) == hash((1, 2)), (1, 2) < (1, 3), 2 in point or 3 in point)
