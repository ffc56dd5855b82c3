# Closures see the variable, not its value at creation time.
fs = []
for i in range(4):
    fs.append(lambda: i)
print([f() for f in fs])

gs = []
for i in range(4):
    gs.append(lambda i=i: i)
print([g() for g in gs])


def make():
    out = []
    for j in range(3):
        def show():
            return j * 10
        out.append(show)
    j = 100
    return out


print([f() for f in make()])


def factory(k):
    return lambda x: x * k


print([factory(k)(2) for k in range(4)])
