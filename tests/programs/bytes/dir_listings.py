import posix
for obj in [b'', bytearray(), memoryview(b'')]:
    print(type(obj).__name__, dir(obj))
print(dir(bytes) == dir(b''), dir(bytearray) == dir(bytearray(b'x')))
print([n for n in dir(bytearray) if n not in dir(bytes)])
print([n for n in dir(bytes) if n not in dir(bytearray)])
path = '/tmp/kaa_types_bytes_dir_listings.bin'
for mode in ['wb', 'rb', 'r+b']:
    f = open(path, mode)
    print(mode, type(f).__name__, [n for n in dir(f) if not n.startswith('_')])
    f.close()
posix.remove(path)
