print(dict.fromkeys("hello"))
print(dict.fromkeys(["a", "b"], 0), dict.fromkeys((1, 2, 1), "x"))
shared = dict.fromkeys("ab", [])
shared["a"].append(1)
print(shared)
print({}.fromkeys(range(3), None), dict.fromkeys([]))
print(dict.fromkeys({"z": 1, "y": 2}), dict.fromkeys({"k": 1}.items()))
try:
    dict.fromkeys([[1]])
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict.fromkeys()
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict.fromkeys(5)
except TypeError as e:
    print(type(e).__name__, e)
