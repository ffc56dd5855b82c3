vals = [1e16, 1e-5, 123456789.123, 1e300, 5e-324, 0.1 + 0.2, 1/3, 2.0**53, -0.0, float('nan'), float('inf')]
for v in vals:
    print(complex(v, 1), complex(1, v), complex(0, v), complex(v, v), complex(-0.0, v))
print(str(complex(1e22, 1e-7)), str(complex(12345678901234567890, 0)))
