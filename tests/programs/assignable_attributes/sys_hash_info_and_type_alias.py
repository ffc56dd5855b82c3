import sys
h = sys.hash_info
print(h)
print(h.width, h.modulus == 2**61 - 1, h.inf, h.nan, h.imag, h.algorithm, h.hash_bits, h.seed_bits, h.cutoff)
print(type(h).__name__, len(h), h[0], tuple(h)[-1])
print(hash(float('inf')) == h.inf, hash(2**61 - 1) == 0, hash(complex(0, 1)) == h.imag)
print(type[int], type[int].__origin__ is type, list[type[str]])
class C:
    pass
for target in (C, int):
    try:
        target[int]
    except TypeError as e:
        print(e)
