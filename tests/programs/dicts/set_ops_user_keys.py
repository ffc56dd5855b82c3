class Tag:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Tag) and self.name.lower() == other.name.lower()

    def __hash__(self):
        return hash(self.name.lower())

    def __repr__(self):
        return f"Tag({self.name})"


a = {Tag("Red"), Tag("green")}
b = {Tag("RED"), Tag("blue")}
print(len(a | b), sorted(t.name.lower() for t in a & b), sorted(t.name for t in a - b), len(a ^ b))
a |= {Tag("GREEN"), Tag("new")}
print(len(a), Tag("NEW") in a)
a -= {Tag("red")}
print(sorted(t.name for t in a))
print(a == {Tag("GREEN"), Tag("NEW")}, a.issubset({Tag("green"), Tag("new"), Tag("x")}))
keys = {Tag("k1"): 1, Tag("k2"): 2}.keys()
print(len(keys & {Tag("K1")}), Tag("K2") in keys)
