z = 3+4j
print(abs(z), abs(-z), abs(complex(-0.0, 0.0)), abs(complex(float('inf'), float('nan'))), abs(complex(float('nan'), 1)))
print(pow(z, 2), pow(z, 0.5), pow(2, z), sum([z, z, 1]), sum([0.5, 1j]), sum([], 0j))
print(complex(True, False), complex(False, True), bool(complex(0, 0)), bool(complex(float('nan'), 0)))
print(round(z.real), int(z.imag), float(z.real), divmod(7, 2), -z, +z, z * True, z + False)
for code in ['abs("x")', 'hash(z) == hash(3+4j)', 'z.__format__(1)', 'complex.__format__(z, "")', 'isinstance(z, (int, complex))']:
    try:
        print(code, eval(code))
    except Exception as e:
        print(code, type(e).__name__, e)
