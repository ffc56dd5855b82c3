# A small binary format: length-prefixed records, parsed with slicing and int.from_bytes.
records = [b'alpha', b'be', b'', b'gamma-ray']
blob = bytearray()
for r in records:
    blob += len(r).to_bytes(2, 'big')
    blob += r
blob.extend(b'\xff\xff')
print(blob.hex(' ', 2))
pos = 0
out = []
while pos < len(blob):
    n = int.from_bytes(blob[pos:pos + 2], 'big')
    if n == 0xFFFF:
        break
    out.append(bytes(blob[pos + 2:pos + 2 + n]))
    pos += 2 + n
print(out, out == records)
header = b'KAA\x01' + (1234).to_bytes(4, 'little') + b'\x00' * 4
magic, version, size = header[:3], header[3], int.from_bytes(header[4:8], 'little')
print(magic, version, size, header.endswith(b'\x00' * 4))
checksum = sum(blob) % 256
print(checksum, bytes([checksum]), blob.count(0), blob.find(b'gamma'))
