print(bytes(5))
print(bytes([65, 66, 67]))
print(bytes((1, 2, 3)))
print(bytes(range(5)))
print(bytes('héllo', 'utf-8'))
print(bytes('abc', encoding='ascii'))
print(bytes(b'copy'), bytes(bytearray(b'ba')))
print(bytes(memoryview(b'mv')))
print(bytearray(3), bytearray([1, 2]), bytearray('x', 'latin-1'))
print(bytearray(b'abc'), bytearray(range(3)))
print(bytes(x for x in [104, 105]))
print(bytes(True), bytes(False))

class B:
    def __bytes__(self):
        return b'from dunder'
print(bytes(B()))

class I:
    def __index__(self):
        return 3
print(bytes(I()))

for args in [('a',), (1, 'utf-8'), ([300],), (['a'],), (1.5,), (-1,), (b'a', 'utf-8'), ([-1],)]:
    try:
        print(bytes(*args))
    except Exception as e:
        print(type(e).__name__, e)
for args in [(1.5,), ([300],), (-1,), ('x',), (None,)]:
    try:
        print(bytearray(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    bytes('a', encoding=1)
except TypeError as e:
    print(e)
try:
    bytes(x=1)
except TypeError as e:
    print(e)

class Bad:
    def __bytes__(self):
        return 'str'
try:
    bytes(Bad())
except TypeError as e:
    print(e)
