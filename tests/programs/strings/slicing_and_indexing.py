# Indexing and slicing strings: negative indices, steps, out-of-range slices.
s = "abcdefghij"
print(s[0], s[-1], s[3:7], s[:3], s[7:], s[::2], s[1::3], s[::-1], s[-3:], s[:-3])
print(s[8:2:-2], s[100:], s[-100:2], s[5:5] == "", s[::-3])
print(len(s), s[len(s) - 1], "".join(s[i] for i in range(0, len(s), 4)))
u = "héllo wörld ☃"
print(u[1], u[-1], u[6:11], len(u), u[::-1])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
print(s["x"])
