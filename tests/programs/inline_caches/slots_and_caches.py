class S:
    __slots__ = ("a",)
    def __init__(self): self.a = 1
s = S()
for i in range(3):
    s.a += i
print(s.a)
try:
    s.b = 2
except AttributeError as e:
    print(e)
