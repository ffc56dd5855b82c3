# Powers: negative exponents give floats, big exponents give big ints, three-argument pow.
print(2 ** 10, 2 ** -2, (-2) ** 3, (-2) ** -3, 0 ** 0, 0.0 ** 0, 10 ** 20)
print(pow(3, 4), pow(2, -1), pow(3, 200, 1000), pow(-3, 3, 7), pow(7, -1, 11))
print(2 ** 100, (2 ** 100) ** 2 == 2 ** 200, 1.5 ** 2, 4 ** 0.5)
