b = b'\x00\x01\xab\xff\x10'
print(b.hex(), b.hex(':'), b.hex('-', 2), b.hex(' ', -2), b.hex(b'_', 3), bytearray(b'\xde\xad').hex())
print(bytes.fromhex('deadbeef'), bytes.fromhex(' de ad\nbe ef '), bytes.fromhex(''), bytearray.fromhex('0a0B'))
print(type(bytearray.fromhex('00')).__name__, b''.fromhex('41'), bytearray().fromhex('42'))
print(memoryview(b'\x01\x02').hex())
for s in ['zz', 'a', '0 1', 'abc', '12 3']:
    try:
        print(bytes.fromhex(s))
    except ValueError as e:
        print(e)
for call in [lambda: bytes.fromhex(b'ab'), lambda: b'a'.hex(''), lambda: b'a'.hex('ab'), lambda: b'a'.hex(1)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
