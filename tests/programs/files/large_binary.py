import posix
path = '/tmp/kaa_types_files_large_binary.bin'
block = bytes(range(256)) * 64
with open(path, 'wb') as f:
    for i in range(16):
        f.write(block)
with open(path, 'rb') as f:
    data = f.read()
print(len(data), data.count(b'\xff'), data[:4], data[-4:], data == block * 16)
with open(path, 'rb') as f:
    f.seek(len(block) * 8 + 10)
    print(f.read(5), f.tell())
posix.remove(path)
