class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        return self.k == other.k

    def __repr__(self):
        return f"Key({self.k!r})"


d = {Key("a"): 1, Key("b"): 2}
print(d.keys(), d.items())
print(Key("a") in d.keys(), (Key("b"), 2) in d.items(), (Key("b"), 3) in d.items())
print(d.keys() == {Key("a"), Key("b")})
d.pop(Key("a"))
print(list(d), d.get(Key("b")))
