z = 3-4j
print(z.real, z.imag, type(z.real).__name__, z.conjugate(), z.conjugate().conjugate() == z, abs(z))
print(complex.conjugate(z), complex.__name__, type(z) is complex, isinstance(z, complex), isinstance(z, (int, float)))
print(hasattr(z, 'real'), hasattr(z, 'nope'), getattr(z, 'imag'), z.__complex__(), z.__getnewargs__())
print((5).real, (5).imag, (2.5).real, (2.5).imag, True.imag, (5).conjugate(), (2.5).conjugate())
try:
    z.real = 1
except AttributeError as e:
    print('AttributeError')
try:
    z.nope
except AttributeError as e:
    print(e)
print(repr(complex), callable(complex))
