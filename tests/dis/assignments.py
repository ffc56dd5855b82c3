class Box:
    pass


a, b = 1, 2
a, b = b, a
x = y = [0, 0, 0]
first, (second, third) = "a", ("b", "c")
box = Box()
box.value = 10
box.value += 5
x[1] += 7
d = {"k": 1}
d["k"] *= 3
n = 10
n //= 3
n **= 2
del d["k"]
del box.value
print(a, b, x, y, first, second, third, n, d, hasattr(box, "value"))
