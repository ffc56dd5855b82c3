path = '/tmp/kaa_types_files_uncaught_closed.bin'
import posix
with open(path, 'wb') as f:
    f.write(b'data')
posix.remove(path)
print(f.closed)
f.write(b'more')
