import posix
path = '/tmp/kaa_types_files_writelines_and_iter.bin'
lines = [b'alpha\n', bytearray(b'beta\n'), memoryview(b'gamma\n'), b'delta']
with open(path, 'wb') as f:
    print(f.writelines(lines), f.tell())
    print(f.writelines(iter([b'\n', b'epsilon\n'])))
with open(path, 'rb') as f:
    print(list(f))
with open(path, 'rb') as f:
    it = iter(f)
    print(it is f, next(it), next(f), f.readline(), f.read(3), next(f), f.readlines())
try:
    with open(path, 'wb') as f:
        f.writelines([b'ok', 'bad'])
except TypeError as e:
    print(e)
print(open(path, 'rb').read())
posix.remove(path)
