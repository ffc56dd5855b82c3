base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
merged = base | over
print(merged, base, over)
print(over | base, {} | base, base | {})
acc = {}
for part in ({"x": 1}, {"y": 2}, {"x": 3}):
    acc |= part
print(acc)
acc |= [("z", 26)]
acc |= (("w", 23),)
print(acc)
same = acc
same |= {"q": 0}
print(same is acc, len(acc))
for bad in (1, [1, 2], "ab"):
    try:
        acc |= bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    base | [("k", 1)]
except TypeError as e:
    print(type(e).__name__, e)
print({**base, **over} == base | over)
