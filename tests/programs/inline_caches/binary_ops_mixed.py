vals = [3, -7, 2.5, True, 10**20, -0.0]
out = []
for a in vals:
    for b in vals:
        try:
            out.append((a + b, a - b, a * b))
        except Exception as e:
            out.append(type(e).__name__)
print(out[:12])
print(7 // -2, -7 % 3, 7.5 // 2, 2 ** -1, 9223372036854775807 + 1, -9223372036854775808 - 1)
print(3 < 3.5, 2.0 == 2, 10**20 > 1e19, True + True)
