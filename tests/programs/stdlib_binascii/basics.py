import binascii

print(binascii.hexlify(b'\x00\xffabc'), binascii.b2a_hex(bytearray(b'xyz')), binascii.hexlify(b''))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', '-'), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', 2))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', ' ', -2), binascii.hexlify(b'\x01\x02\x03', '.', 5))
print(binascii.unhexlify(b'00ff6162'), binascii.unhexlify('DEADbeef'), binascii.a2b_hex(''))
print(binascii.b2a_base64(b'hello world'), binascii.b2a_base64(b'a', newline=False), binascii.b2a_base64(b''))
for s in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))]:
    e = binascii.b2a_base64(s)
    assert binascii.a2b_base64(e) == s
    print(e[:40])
print(binascii.a2b_base64(b'aGVsbG8=\n'), binascii.a2b_base64('aGVs bG8='), binascii.a2b_base64(b'aGVsbG8=extra'))
print(binascii.a2b_base64(b'a!G@V#s$b%G&8*'), binascii.a2b_base64(b'YQ=='), binascii.a2b_base64(b'YQ==YQ=='))
print(binascii.crc32(b'hello'), binascii.crc32(b'hello', 12345), binascii.crc32(b''), binascii.crc32(b'world', binascii.crc32(b'hello ')))
print(binascii.crc32(b'x', -1), binascii.crc_hqx(b'hello', 0), binascii.crc_hqx(b'123456789', 0xffff))
print(binascii.b2a_uu(b'hello'), binascii.a2b_uu(binascii.b2a_uu(b'The quick brown fox')), binascii.b2a_uu(b'', backtick=True))
print(binascii.b2a_qp(b'hello = world\t\n'), binascii.a2b_qp(b'hello =3D world=\n next'), binascii.b2a_qp(b'a_b c', header=True))
print(binascii.a2b_qp(b'a_b', header=True), binascii.b2a_qp(b'\xff\x00abc'), binascii.b2a_qp(b'x' * 100))
def check(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)
check(lambda: binascii.unhexlify(b'abc'))
check(lambda: binascii.unhexlify(b'zz'))
check(lambda: binascii.unhexlify('é'))
check(lambda: binascii.unhexlify(5))
check(lambda: binascii.hexlify('abc'))
check(lambda: binascii.hexlify(b'ab', 'xy'))
check(lambda: binascii.a2b_base64(b'abc'))
check(lambda: binascii.a2b_base64(b'a'))
check(lambda: binascii.a2b_base64(b'abcde'))
check(lambda: binascii.a2b_base64(b'ab=c', strict_mode=True))
check(lambda: binascii.a2b_base64(b'=abc', strict_mode=True))
check(lambda: binascii.a2b_base64(b'ab!c', strict_mode=True))
check(lambda: binascii.a2b_base64(b'YQ==YQ', strict_mode=True))
check(lambda: binascii.b2a_uu(b'x' * 46))
check(lambda: binascii.crc32('abc'))
print(issubclass(binascii.Error, ValueError), binascii.Incomplete.__mro__[1].__name__)
