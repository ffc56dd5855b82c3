import posix
path = '/tmp/kaa_types_files_binary_roundtrip_values.bin'
values = [0, 1, 255, 65535, 2**31 - 1, -2**31, 2**63 - 1]
with open(path, 'wb') as f:
    for v in values:
        f.write(v.to_bytes(8, 'little', signed=True))
    f.write('¿Qué?'.encode('utf-8'))
with open(path, 'rb') as f:
    got = [int.from_bytes(f.read(8), 'little', signed=True) for _ in values]
    tail = f.read().decode('utf-8')
print(got == values, got, tail)
with open(path, 'rb') as f:
    raw = bytearray(f.read())
raw[0:8] = (42).to_bytes(8, 'little')
with open(path, 'wb') as f:
    f.write(raw)
with open(path, 'rb') as f:
    print(int.from_bytes(f.read(8), 'little'), len(f.read()))
posix.remove(path)
