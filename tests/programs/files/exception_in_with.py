import posix
path = '/tmp/kaa_types_files_exception_in_with.bin'
try:
    with open(path, 'wb') as f:
        f.write(b'partial')
        raise RuntimeError('boom')
except RuntimeError as e:
    print('caught', e, f.closed)
print(open(path, 'rb').read())
def read_first(p):
    with open(p, 'rb') as f:
        return f.read(3)
print(read_first(path))
posix.remove(path)
try:
    posix.remove(path)
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
try:
    open('/tmp/kaa_types_files_no_such_dir/x.bin', 'wb')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror)
