class Wrapper:
    def __init__(self, items): self.items = items
    def append(self, x): self.items.append(x * 2)
ws = [Wrapper([]), []]
for w in ws:
    w.append(3)
print(ws[0].items, ws[1])
