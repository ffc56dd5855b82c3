def run(items):
    out = []
    for x in items:
        out.append(x.upper() if isinstance(x, str) else x.bit_length())
    return out
print(run(["a", 5, "b", 1024, "cd", -7]))
acc = []
for seq in ([3, 1, 2], [9, 8]):
    seq.sort()
    acc.append(seq.index(seq[-1]))
print(acc)
d = {}
for k in "abcab":
    d[k] = d.get(k, 0) + 1
print(d, d.keys(), list(d.items()))
