a = [x for x in y]
b = [x for x in y if x if not x for z in x]
c = {x for x in y}
d = {k: v for k, v in y.items()}
e = (x for x in y)
f = list(x for x in y)
g = [[y for y in x] for x in z]
h = [x async for x in y] if False else None
