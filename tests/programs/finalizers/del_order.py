# Containers release their items in order; each item's __del__ runs when its count drops.
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

items = [T(1), T(2), T(3)]
print("popping")
items.pop()
print("removing first")
del items[0]
print("clearing")
items.clear()
print("dict")
d = {"a": T("a"), "b": T("b")}
d["a"] = None
del d
print("end")
