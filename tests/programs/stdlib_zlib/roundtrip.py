import zlib

data = b'hello world ' * 50 + bytes(range(256)) * 3
for level in [-1, 0, 1, 6, 9]:
    c = zlib.compress(data, level)
    print(level, len(c), c[:12], zlib.decompress(c) == data)
print(zlib.compress(b''), zlib.compress(b'a'), zlib.compress(b'hello'))
raw = zlib.compress(data, wbits=-15)
print(len(raw), zlib.decompress(raw, -15) == data)
gz = zlib.compress(data, wbits=31)
print(gz[:3], zlib.decompress(gz, 31) == data, zlib.decompress(gz, 47) == data, zlib.decompress(zlib.compress(data), 47) == data)
print(zlib.crc32(b'hello'), zlib.crc32(b'hello', 1), zlib.adler32(b'hello'), zlib.adler32(b''), zlib.adler32(b'x' * 10000, 7))
co = zlib.compressobj(9)
parts = [co.compress(data[:100]), co.compress(data[100:]), co.flush()]
stream = b''.join(parts)
print(len(stream), zlib.decompress(stream) == data)
do = zlib.decompressobj()
out = do.decompress(stream[:50]) + do.decompress(stream[50:] + b'TRAILER')
print(out == data, do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
first = do.decompress(stream, 100)
print(len(first), len(do.unconsumed_tail) > 0, do.eof)
rest = do.decompress(do.unconsumed_tail)
print(first + rest == data, do.eof)
co = zlib.compressobj(wbits=-9)
s2 = co.compress(b'abc' * 100) + co.flush(zlib.Z_SYNC_FLUSH) + co.compress(b'xyz') + co.flush()
print(zlib.decompress(s2, -9))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_FINISH)
def check(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)
check(lambda: zlib.decompress(b'not compressed'))
check(lambda: zlib.decompress(zlib.compress(data)[:20]))
check(lambda: zlib.compress(data, 11))
check(lambda: zlib.compress('text'))
check(lambda: zlib.decompress(b'', 99))
check(lambda: zlib.crc32())
print(issubclass(zlib.error, Exception))
