class P:
    def m(self): return "method"
    v = "class"
p = P()
r = []
for i in range(6):
    if i == 2:
        p.m = lambda: "instance"
        p.v = "inst"
    if i == 4:
        del p.m
        del p.v
    r.append((p.m(), p.v))
print(r)
