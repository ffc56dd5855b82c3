a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a.keys() == b.keys(), a.items() == b.items(), a.values() == b.values())
print(a.keys() == {"x", "y"}, a.keys() == frozenset({"x", "y"}), a.keys() != {"x"})
print(a.items() == {("x", 1), ("y", 2)}, a.items() == {("x", 1)})
v = a.values()
print(v == v, v != v, a.keys() == ["x", "y"], a.keys() == ("x", "y"))
print({"x", "y"} == a.keys(), {("y", 2), ("x", 1)} == a.items())
c = {1: "a"}
k = c.keys()
c[2] = "b"
print(k == {1, 2})
