data = b'\x01\x02\x03'
it = iter(data)
print(type(it).__name__ in ('bytes_iterator', 'iterator'), next(it), list(it), list(it))
ba = bytearray(b'ab')
print([x * 2 for x in ba], {x for x in b'aab'}, {x: chr(x) for x in b'hi'}, sum(x for x in memoryview(b'\x05\x06')))
a, b, c = b'xyz'
print(a, b, c)
first, *rest = bytearray(b'hello')
print(first, rest)
print(*b'ok', sep='-')
print(list(map(chr, b'map')), list(filter(lambda v: v > 100, b'azAZ')), bytes(reversed(b'abc')), bytes(sorted(b'cab')))
gen = (b for b in b'abc' if b != 98)
print(bytes(gen), bytearray(i for i in range(3)))
