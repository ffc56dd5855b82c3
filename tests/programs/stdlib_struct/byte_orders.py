import _struct as struct

cases = [('>h', 99999), ('>h', -99999), ('>H', -1), ('>H', 70000), ('>i', 2**31), ('>i', 2**70), ('>I', -1),
         ('>I', 2**32), ('>q', 2**63), ('>q', -2**63 - 1), ('>Q', -1), ('>Q', 2**64), ('!l', 2**31), ('=h', 99999),
         ('=q', 2**63), ('<e', 1e6), ('>e', 1e6), ('>?', 5), ('=L', -1), ('=l', 2**40), ('<i', -2**31 - 1),
         ('>b', 128), ('<B', 256), ('@i', 2**80), ('@I', -5), ('>f', 1e300), ('<d', 1e300), ('>l', -1), ('>L', 2**31)]
for f, v in cases:
    try:
        print(f, v, struct.pack(f, v))
    except Exception as e:
        print(f, v, type(e).__name__, e)
for f in ['>hHiIlLqQ', '<hHiIlLqQ', '=hHiIlLqQ', '!bBe?']:
    n = len(f) - 1
    vals = [1] * n
    b = struct.pack(f, *vals)
    print(f, b, struct.unpack(f, b), struct.calcsize(f))
print(struct.unpack('>hHiIlLqQ', bytes(range(1, 33))))
print(struct.unpack('<hHiIlLqQ', bytes(range(200, 232))))
print(struct.unpack('>d', b'\x7f\xf0' + b'\x00' * 6), struct.unpack('>f', b'\xff\xc0\x00\x00'))
