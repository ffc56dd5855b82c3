import _md5, _sha1, _sha256, _sha512, _sha3, _blake2

for ctor in [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
             _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512, _blake2.blake2b, _blake2.blake2s]:
    h = ctor(b'hello')
    print(h.name, h.digest_size, h.block_size, h.hexdigest())
    c = h.copy()
    h.update(b' world')
    print(c.hexdigest() != h.hexdigest(), h.digest()[:4], ctor().hexdigest()[:16])
for ctor in [_sha3.shake_128, _sha3.shake_256]:
    h = ctor(b'abc')
    print(h.name, h.digest_size, h.block_size, h.hexdigest(10), h.digest(3), len(h.digest(100)))
print(_blake2.blake2b(b'x', digest_size=16).hexdigest(), _blake2.blake2s(digest_size=8).hexdigest())
print(_sha256.sha256(bytearray(b'abc')).hexdigest(), _sha256.sha256(memoryview(b'abc')).hexdigest())
print(_md5.md5(string=b'abc').hexdigest(), _sha3.sha3_256(b'abc').hexdigest())
def check(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: _sha256.sha256('abc'))
check(lambda: _md5.md5().update('abc'))
check(lambda: _sha3.shake_128(b'').hexdigest())
check(lambda: _blake2.blake2b(digest_size=65))
