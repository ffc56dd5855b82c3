vals = [0, 1, -2, 2.5, -0.0, True, 10**20, 1j, -2-3j, complex(0.5, -0.25)]
for a in vals:
    row = []
    for b in vals:
        try:
            row.append(repr(a + b * 1j))
        except Exception as e:
            row.append(type(e).__name__)
    print(' '.join(row))
for a in [1+1j, 2j, -1.5+0j]:
    for b in [1, 2.0, 1j, -1-1j, True]:
        print(a, b, a + b, a - b, a * b, a / b, b / a, a == b)
