import posix
path = '/tmp/kaa_types_files_seek_tell.bin'
with open(path, 'wb') as f:
    f.write(bytes(range(20)))
    print(f.tell(), f.seek(5), f.tell())
    f.write(b'\xff\xff')
    print(f.tell(), f.seek(0, 2), f.seek(-1, 1))
with open(path, 'rb') as f:
    data = f.read()
    print(len(data), data[:8], data[-3:])
    print(f.seek(3), f.read(2), f.seek(2, 1), f.read(1), f.seek(-2, 2), f.read(), f.seek(100), f.read(), f.tell())
posix.remove(path)
