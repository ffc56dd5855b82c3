groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {}
for a, b, c in [(1, 2, 3), (1, 2, 4), (1, 5, 6)]:
    nested.setdefault(a, {}).setdefault(b, []).append(c)
print(nested)
d = {}
print(d.setdefault("k"), d)
inverted = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inverted.setdefault(v, set()).add(k)
print({k: sorted(v) for k, v in inverted.items()})
try:
    {}.setdefault()
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.setdefault([], 1)
except TypeError as e:
    print(type(e).__name__, e)
