vals = [0j, 1+0j, 1j, -1j, 1, 1.0, True, 0, 2**70, float(2**70)]
for a in vals:
    print(repr(a), [a == b for b in vals])
for op in ['<', '<=', '>', '>=']:
    try:
        eval(f'1j {op} 2j')
    except TypeError as e:
        print(e)
print(1j != 1, 1j in {1j}, [1, 2, 3].count(1+0j), (1+0j) is not 1)
print(max([1, 2], key=lambda v: abs(v * 1j)), sorted([2j, 1j, 3j], key=lambda z: z.imag))
try:
    sorted([2j, 1j])
except TypeError as e:
    print(e)
try:
    max(1j, 2j)
except TypeError as e:
    print(e)
