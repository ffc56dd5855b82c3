class Bad:
    def __init__(self, x):
        self.x = 1 / x
items = [Bad(1)]
items.append(Bad(0))
