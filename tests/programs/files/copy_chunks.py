import posix
src = '/tmp/kaa_types_files_copy_chunks_src.bin'
dst = '/tmp/kaa_types_files_copy_chunks_dst.bin'
with open(src, 'wb') as f:
    for i in range(50):
        f.write(bytes([i % 256]) * (i + 1))
with open(src, 'rb') as fin, open(dst, 'wb') as fout:
    total = 0
    while True:
        chunk = fin.read(64)
        if not chunk:
            break
        total += fout.write(chunk)
print(total)
with open(src, 'rb') as a, open(dst, 'rb') as b:
    x, y = a.read(), b.read()
    print(x == y, len(x), sum(x), x[:5], x[-3:], x.count(b'\x31'))
posix.remove(src)
posix.remove(dst)
