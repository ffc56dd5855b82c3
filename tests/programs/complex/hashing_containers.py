print(hash(1j), hash(1+1j), hash(-1-1j), hash(complex(2**60, 3)), hash(complex(float('inf'), 0)), hash(complex(0, float('-inf'))))
print(hash(3+0j) == hash(3), hash(0.5+0j) == hash(0.5), hash(complex(-1, 0)))
d = {1: 'int', 2.0: 'float'}
d[1+0j] = 'complex one'
d[2+0j] = 'complex two'
d[3j] = 'imag'
print(d)
s = {0j, 0, 0.0, False, 1j, 1j}
print(len(s))
print(sorted([3+0j, 1j, -1j], key=abs), sorted([1-1j, 1+1j], key=lambda z: (z.real, z.imag)))
print([z.real for z in [1+2j, 3-4j]], sum([1+1j] * 3), (1+2j) in [1+2j], [1j, 2j].index(2j), (1j, 2j).count(1j))
