
path = '/tmp/kaa_types_files_write_read_binary.bin'
f = open(path, 'wb')
print(type(f).__name__, f.mode, f.name == path, f.closed, f.readable(), f.writable(), f.seekable())
print(f.write(b'hello\n'), f.write(bytearray(b'world\n')), f.write(memoryview(b'\x00\xff\n')), f.tell())
f.close()
print(f.closed)
f = open(path, 'rb')
print(type(f).__name__, f.mode, f.read(3), f.tell(), f.readline(), f.read(), f.read(), f.tell())
f.seek(0)
print(f.readlines())
print(f.seek(-3, 2), f.read(), f.seek(1), f.seek(2, 1), f.read(2))
f.seek(0)
print([line for line in f])
f.close()
with open(path, 'rb') as g:
    print(g.read(-1) == b'hello\nworld\n\x00\xff\n', g.read(None))
print(g.closed)
import posix
posix.remove(path)
