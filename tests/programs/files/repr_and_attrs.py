import posix
path = '/tmp/kaa_types_files_repr_and_attrs.bin'
for mode in ['wb', 'ab', 'rb', 'r+b', 'w+b', 'a+b', 'br']:
    f = open(path, mode)
    print(mode, repr(f), f.mode, f.name, f.closed, f.readable(), f.writable(), f.seekable())
    f.close()
    print(repr(f), f.closed)
posix.remove(path)
f = open(path.encode(), 'wb')
print(f.name)
f.close()
posix.remove(path)
