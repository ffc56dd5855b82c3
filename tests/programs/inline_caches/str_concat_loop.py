s = ""
for i in range(30):
    s += str(i % 10)
    if len(s) > 12:
        s = s[5:]
print(s, len(s))
t = "é" + "ß" + "x"
print(t, len(t), t[1])
