class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("compare", self.v, getattr(other, "v", other))
        return isinstance(other, V) and self.v == other.v

    __hash__ = object.__hash__


x = {"a": V(1), "b": V(2)}
y = {"b": V(2), "a": V(1)}
print(x == y)
print({"a": V(1)} == {"a": V(3)})
print({"a": 1} == {"b": 1}, {} == {}, {"a": 1} != {"a": 1})
k1, k2 = V(5), V(5)
print({k1: 1} == {k1: 1}, {k1: 1} == {k2: 1})
