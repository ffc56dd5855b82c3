a = {"x": 1, "y": 2, "z": 3}
b = {"y": 20, "z": 30, "w": 40}
ka, kb = a.keys(), b.keys()
print(sorted(ka & kb), sorted(ka | kb), sorted(ka - kb), sorted(ka ^ kb))
print(sorted(ka & {"x", "q"}), sorted(ka | ["n"]), sorted({"x", "m"} - ka), sorted(["y"] ^ ka))
print(type(ka & kb).__name__)
print(ka.isdisjoint(kb), ka.isdisjoint({"q"}), ka.isdisjoint([]))
ia = {1: "a", 2: "b"}.items()
ib = {2: "b", 3: "c"}.items()
print(sorted(ia & ib), sorted(ia | ib), sorted(ia - ib), sorted(ia ^ ib))
print(ka == {"x", "y", "z"}, ka == {"x"}, ka != kb, ka == a.keys(), {"x": 0, "y": 0, "z": 0}.keys() == ka)
print(ia == {(1, "a"), (2, "b")}, a.values() == a.values(), ka == ["x", "y", "z"])
try:
    a.values() & b.values()
except TypeError as e:
    print(type(e).__name__, e)
try:
    ka & 5
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(ka & b), sorted(ka - b))
