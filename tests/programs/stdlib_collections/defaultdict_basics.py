from collections import defaultdict
d = defaultdict(list)
d["a"].append(1); d["b"]; d["a"].append(2)
print(d, len(d), d["a"], "c" in d, isinstance(d, dict), type(d).__name__)
c = d.copy(); c["z"].append(0); print(sorted(c), sorted(d))
n = defaultdict(); 
try: n["x"]
except KeyError as e: print("KeyError", e)
try: defaultdict(5)
except TypeError as e: print(e)
print(defaultdict(int, {"q": 1}) | {"r": 2})
cnt = defaultdict(int)
for ch in "mississippi": cnt[ch] += 1
print(sorted(cnt.items()), dict(cnt) == {'m': 1, 'i': 4, 's': 4, 'p': 2})
