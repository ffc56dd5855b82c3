print(complex(), complex(2), complex(2.5), complex(True), complex(1, 2), complex(1.5, -2.5))
print(complex('1+2j'), complex(' ( 1-2j ) '), complex('3'), complex('-4.5'), complex('j'), complex('-j'), complex('+J'))
print(complex('1e3j'), complex('1e-3+1e+3j'), complex('nan+infj'), complex('-inf-nanj'), complex('1_0+2_0j'), complex('inf'))
print(complex(1j), complex(1j, 1j), complex(1+2j, 3+4j), complex(real=1, imag=2), complex(imag=3))

class C:
    def __complex__(self):
        return 5+6j
class F:
    def __float__(self):
        return 1.25
class I:
    def __index__(self):
        return 7
print(complex(C()), complex(F()), complex(I()), complex(F(), F()))
for args in [('x',), ('1', 2), (1, '2'), ([],), (1, []), ('1+2 j',), ('',), ('1+',), ('()',), ('1j+1',), (None,)]:
    try:
        print(complex(*args))
    except Exception as e:
        print(args, type(e).__name__, e)
try:
    complex(x=1)
except TypeError as e:
    print(e)
class Bad:
    def __complex__(self):
        return 1
try:
    complex(Bad())
except TypeError as e:
    print(e)
