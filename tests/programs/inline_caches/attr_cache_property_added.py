class T:
    def __init__(self): self.a = 1
t = T()
vals = []
for i in range(5):
    if i == 3:
        T.a = property(lambda self: 42)
    try:
        vals.append(t.a)
    except Exception as e:
        vals.append(type(e).__name__)
print(vals)
