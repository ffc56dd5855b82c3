class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __contains__(self, item):
        return item in self.items

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __bool__(self):
        return bool(self.items)

    def __call__(self, x):
        return x * len(self.items)

print(list(Countdown(3)), [x * 2 for x in Countdown(4)])
b = Bag(1, 2, 3)
print(len(b), 2 in b, 5 in b, b[0], bool(b), bool(Bag()), b(10))
b[0] = 100
print(b[0], sum(Bag(1, 2)) if False else "ok")
for item in b:
    print("item", item)

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __radd__(self, other):
        return Money(self.cents + other)
    def __str__(self):
        return f"${self.cents / 100:.2f}"

print(sorted([Money(300), Money(100), Money(200)]), max(Money(1), Money(5)), 5 + Money(10))
print(str(Money(1234)), f"{Money(5)}")
