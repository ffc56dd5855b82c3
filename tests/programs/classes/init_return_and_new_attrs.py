# __init__ must return None; instances get attributes dynamically.
class Bag:
    pass


b = Bag()
b.x = 1
b.y = [b.x]
print(b.x, b.y, sorted(vars(b)))


class Bad:
    def __init__(self):
        return 42


Bad()
