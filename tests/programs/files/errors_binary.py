import posix
path = '/tmp/kaa_types_files_errors_binary.bin'
f = open(path, 'wb')
for code in ['f.read()', 'f.write("s")', 'f.readline()', 'f.write(5)']:
    try:
        print(eval(code))
    except Exception as e:
        print(code, type(e).__name__, e)
f.close()
for code in ['f.read()', 'f.write(b"s")', 'f.tell()', 'f.seek(0)', 'f.flush()', 'f.close()', 'f.readable()', 'next(iter(f))']:
    try:
        print(eval(code))
    except Exception as e:
        print(code, type(e).__name__, e)
f = open(path, 'rb')
for code in ['f.write(b"x")', 'f.seek(-100)', 'f.seek(1.5)', 'f.read("a")', 'f.read(1, 2)']:
    try:
        print(eval(code))
    except Exception as e:
        print(code, type(e).__name__, e)
f.close()
for code in ['f.read()', 'f.readline()', 'f.readlines()', 'f.__enter__()']:
    try:
        print(eval(code))
    except Exception as e:
        print(code, type(e).__name__, e)
for args in [(path, 'rbt'), (path, 'rb', -1, 'utf-8'), (path, 'rb', -1, None, 'strict'), (path, 'rb', -1, None, None, ''), (path, 'bb'), (path, 'rwb')]:
    try:
        open(*args)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    open(path, 'xb')
except FileExistsError as e:
    print('FileExistsError', e.errno)
posix.remove(path)
try:
    open(path, 'rb')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename == path)
with open(path, 'xb') as f:
    print(type(f).__name__, f.mode, f.write(b'new'))
posix.remove(path)
