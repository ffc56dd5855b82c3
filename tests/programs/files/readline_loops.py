import posix
path = '/tmp/kaa_types_files_readline_loops.bin'
with open(path, 'wb') as f:
    f.writelines([b'first\n', b'second line\n', b'\n', b'no newline at end'])
with open(path, 'rb') as f:
    n = 0
    while True:
        line = f.readline()
        if not line:
            break
        n += 1
        print(n, line, len(line))
with open(path, 'rb') as f:
    print(f.readline(3), f.readline(3), f.readline(100), f.readline(0), f.tell())
with open(path, 'rb') as f:
    print(f.readlines(7))
    print(f.readlines())
with open(path, 'rb') as f:
    for i, line in enumerate(f):
        print(i, line.rstrip(b'\n'))
posix.remove(path)
