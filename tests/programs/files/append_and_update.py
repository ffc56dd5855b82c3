path = '/tmp/kaa_types_files_append_and_update.bin'
with open(path, 'wb') as f:
    f.write(b'0123456789')
with open(path, 'ab') as f:
    print(type(f).__name__, f.mode, f.tell())
    print(f.write(b'abc'), f.tell())
    f.seek(0)
    f.write(b'!')
print(open(path, 'rb').read())
with open(path, 'r+b') as f:
    print(type(f).__name__, f.mode, f.read(2), f.write(b'XY'), f.tell())
    f.seek(0)
    print(f.read())
    f.seek(0, 2)
    f.write(b'END')
    f.seek(-5, 2)
    print(f.read(), f.readable(), f.writable())
with open(path, 'w+b') as f:
    print(type(f).__name__, f.mode, f.read())
    f.write(b'fresh\nlines\n')
    f.seek(0)
    print(f.readlines(), f.readline())
with open(path, 'rb') as f:
    print(f.read())
import posix
posix.remove(path)
