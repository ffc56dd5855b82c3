class K:
    def __init__(self, v): self.v = v
res = []
for i in range(6):
    if i == 3:
        K.__init__ = lambda self, v: setattr(self, "v", v * 100)
    res.append(K(i).v)
print(res)
