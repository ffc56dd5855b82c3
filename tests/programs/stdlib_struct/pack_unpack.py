import _struct as struct

for fmt in ['i', 'h', 'q', 'b', 'B', '?', 'd', 'f', 'e', '3s', 'p', '5p', 'x', 'c', 'l', 'L', 'n', 'N', 'P',
            '<i', '>h', '!q', '=l', '@hi', 'hi', 'ih', '<hi', 'bq', 'bqb', '2h3x', '0s', 'iii', '3i', ' i h ', '10s2c']:
    print(repr(fmt), struct.calcsize(fmt))

print(struct.pack('<i', 1), struct.pack('>i', 1), struct.pack('<h', -2), struct.pack('>Q', 2**64 - 1))
print(struct.pack('<bBhHiIqQ', -1, 255, -300, 65535, -70000, 2**32 - 1, -2**63, 2**64 - 1))
print(struct.unpack('<bBhHiIqQ', struct.pack('<bBhHiIqQ', -1, 255, -300, 65535, -70000, 2**32 - 1, -2**63, 2**64 - 1)))
print(struct.pack('<d', 1.5), struct.pack('>f', -0.1), struct.pack('<e', 65504.0), struct.pack('<e', 0.1))
print(struct.unpack('<d', struct.pack('<d', 3.141592653589793)), struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.unpack('<e', b'\x00\x3c'), struct.unpack('<e', b'\x01\x00'), struct.unpack('>e', b'\x7c\x00'))
for x in [1.0, -2.5, 1e-7, 6e-8, 3e-8, 65519.0, 0.333, 1.0009765625, 2049.0, float('inf'), -0.0]:
    print(x, struct.pack('<e', x), struct.unpack('<e', struct.pack('<e', x)))
print(struct.pack('5s', b'ab'), struct.pack('2s', b'abcdef'), struct.pack('5p', b'abc'), struct.pack('3p', b'abcdef'))
print(struct.unpack('5s', b'ab\x00\x00\x00'), struct.unpack('5p', b'\x03abc\x00'), struct.unpack('3p', b'\x09ab'))
print(struct.pack('c', b'x'), struct.unpack('cc', b'ab'), struct.pack('??', 0, [1]), struct.unpack('?', b'\x02'))
print(struct.pack('hi', 1, 2), struct.pack('ih', 1, 2), struct.pack('bi', 1, 2), struct.pack('2x'), struct.pack('<3xh', 7))
print(struct.pack('@bq', 1, 2), struct.pack('=bq', 1, 2), len(struct.pack('bqb', 1, 2, 3)))
print(struct.pack('>I', True), struct.pack('<2h', 1, 2), struct.unpack('<2h', b'\x01\x00\x02\x00'))
class Idx:
    def __index__(self):
        return 42
print(struct.pack('<i', Idx()), struct.pack('<d', 3), struct.pack('<f', Idx()) if False else '')
s = struct.Struct('<ihb')
print(s.size, s.format, s.pack(1, 2, 3), s.unpack(b'\x01\x00\x00\x00\x02\x00\x03'))
print(struct.Struct(b'>h').format, struct.Struct('>h').unpack_from(b'\x00\x00\x01\x02', 2))
print(struct.unpack_from('<h', b'\x01\x02\x03\x04', offset=1), struct.unpack_from('<h', b'\x01\x02\x03\x04', -2))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
ba = bytearray(8)
struct.pack_into('<hi', ba, 1, 5, -1)
print(ba)
struct.pack_into('<h', ba, -2, 0x1234)
print(ba)
s.pack_into(ba, 0, 9, 9, 9)
print(ba)
print(struct.unpack('<Q', b'\xff' * 8), struct.unpack('<q', b'\xff' * 8), struct.unpack('>n', b'\x00' * 7 + b'\x05') if False else '')
print(struct.unpack('@n', struct.pack('@n', -5)), struct.unpack('@N', struct.pack('@N', 5)), struct.unpack('@P', struct.pack('@P', 12)))
