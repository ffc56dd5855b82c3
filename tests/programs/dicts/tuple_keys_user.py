class Id:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n % 3

    def __eq__(self, other):
        return isinstance(other, Id) and self.n == other.n

    def __repr__(self):
        return f"Id({self.n})"


grid = {}
for i in range(4):
    grid[(Id(i), "row")] = i
print(grid[(Id(2), "row")], (Id(3), "row") in grid, (Id(9), "row") in grid)
print(len({(Id(1), 2), (Id(1), 2), (Id(4), 2)}))
print(hash((Id(1), 2)) == hash((Id(4), 2)), (Id(1), 2) == (Id(1), 2))
d = {Id(1): "one"}
d[Id(4)] = "four"
print(d, d[Id(4)], len(d))
print(frozenset([Id(1), Id(1)]) == frozenset([Id(1)]))
