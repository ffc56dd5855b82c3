# Building strings: join with non-strings fails, accumulation, repetition, multi-line layout.
rows = [("name", "qty", "price"), ("apple", 3, 0.5), ("melon", 12, 2.25)]
widths = [max(len(str(r[i])) for r in rows) for i in range(3)]
for r in rows:
    print(" | ".join(str(v).ljust(widths[i]) for i, v in enumerate(r)))
print("+".join(["x"] * 4), ",".join([]), "".join(["a", "b"]), ", ".join("abc"))
acc = ""
for i in range(5):
    acc += f"<{i}>"
print(acc, len(acc))
try:
    ", ".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
