a, b = 3+4j, 1-2j
print(a + b, a - b, a * b, a / b, a ** 2, b ** 3, a ** -1, a ** 0)
print(a + 1, 1 + a, a - 2.5, 2.5 - a, a * 2, 2 * a, a / 2, 2 / a, True + a)
print(abs(a), abs(-1j), abs(complex(1e308, 1e308)), a.conjugate(), a.real, a.imag, (5).imag, (2.5).real)
print(1j * 1j, 1j ** 2, (1+1j) ** 0.5, 2 ** 1j, 1j ** 1000, (-1) ** 0.5, (-8) ** (1/3))
print((1e300j) * (1e300j), (1e200+1e200j) ** 2, (1+2j) / (3+4j), (1+2j) / 1e-300j)
print(a == 3+4j, a != b, 1+0j == 1, 1.5+0j == 1.5, 1j == 1, (2**53+1)+0j == 2**53+1, 0j == False)
print(complex(1, 0) in [1], 1 in [1+0j], {1: 'a'}[1+0j])
print(hash(1+2j), hash(complex(1.5, -2.5)), hash(1+0j) == hash(1), hash(2.5+0j) == hash(2.5), hash(0j))
print(bool(0j), bool(1j), bool(complex(0, -0.0)), not 0j)
acc = 1j
acc += 1
acc *= 2j
acc -= 1
acc /= 2
print(acc)
print(sum([1j, 2j, 3]), pow(2j, 2))
