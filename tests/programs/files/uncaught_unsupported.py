path = '/tmp/kaa_types_files_uncaught_unsupported.bin'
import posix
with open(path, 'wb') as f:
    f.write(b'abc')
posix.remove(path)
print(f.closed)
g = open('/tmp/kaa_types_files_uncaught_unsupported_2.bin', 'wb')
posix.remove('/tmp/kaa_types_files_uncaught_unsupported_2.bin')
g.read()
