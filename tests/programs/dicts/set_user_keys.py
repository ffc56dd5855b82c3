class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit

    def __eq__(self, other):
        return (self.rank, self.suit) == (other.rank, other.suit)

    def __hash__(self):
        return hash(self.rank) ^ hash(self.suit)

    def __repr__(self):
        return f"{self.rank}{self.suit}"


hand1 = {Card(1, "h"), Card(2, "s"), Card(3, "d")}
hand2 = {Card(2, "s"), Card(3, "d"), Card(4, "c")}
print(sorted(map(repr, hand1 & hand2)), sorted(map(repr, hand1 - hand2)))
print(sorted(map(repr, hand1 | hand2)), sorted(map(repr, hand1 ^ hand2)))
print(Card(1, "h") in hand1, len(set([Card(1, "h"), Card(1, "h")])))
hand1.remove(Card(1, "h"))
print(len(hand1))
try:
    hand1.remove(Card(9, "x"))
except KeyError as e:
    print(type(e).__name__, e)
fs = frozenset([Card(5, "h")])
print(Card(5, "h") in fs)
counts = {}
for c in [Card(1, "h"), Card(1, "h"), Card(2, "h")]:
    counts[c] = counts.get(c, 0) + 1
print(sorted((repr(k), v) for k, v in counts.items()))
print(dict.fromkeys([Card(1, "h"), Card(1, "h")]))
d = {Card(1, "h"): 1}
print(d.setdefault(Card(1, "h"), 5), d.pop(Card(1, "h")), d)
