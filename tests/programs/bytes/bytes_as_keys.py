d = {}
for word in [b'apple', b'banana', b'apple', b'cherry', b'banana', b'apple']:
    d[word] = d.get(word, 0) + 1
print(d)
print(sorted(d.items()))
print(b'apple' in d, bytearray(b'apple') in d.keys() if False else 'skip', d[bytes(b'apple')])
s = {b'x', b'y', b'x'}
print(len(s), b'x' in s, b'z' in s)
counts = {}
for byte in b'mississippi':
    counts[byte] = counts.get(byte, 0) + 1
print(sorted(counts.items()))
print({bytes([i]): i for i in range(3)})
try:
    {bytearray(b'x'): 1}
except TypeError as e:
    print(e)
fs = frozenset([b'a', b'b'])
print(sorted(fs), b'a' in fs)
print(hash(b'abc') == hash(bytes(bytearray(b'abc'))), hash(memoryview(b'abc')) == hash(b'abc'))
