class O:
    pass
objs = [O() for _ in range(4)]
for i, o in enumerate(objs):
    if i % 2:
        o.b = i
    o.a = i * 10
print([sorted(vars(o).items()) for o in objs])
print([o.a for o in objs])
for o in objs:
    o.__dict__.clear()
    o.z = 1
print([vars(o) for o in objs])
