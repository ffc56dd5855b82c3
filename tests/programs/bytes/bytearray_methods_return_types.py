ba = bytearray(b'  Hello, World  ')
for name in ['strip', 'lstrip', 'rstrip', 'upper', 'lower', 'title', 'swapcase', 'capitalize', 'expandtabs']:
    r = getattr(ba, name)()
    print(name, r, type(r).__name__)
print(ba.split(b','), ba.partition(b','), ba.rpartition(b'x'), ba.replace(b'l', b'L'), ba.center(20, b'*'), ba.zfill(18))
print(ba.removeprefix(b'  '), ba.splitlines(), bytearray(b'a\nb').splitlines(True), ba.translate(None, b' '))
print(ba.find(b'o'), ba.count(b'l'), ba.startswith(b'  H'), ba.isascii(), ba.decode(), ba.hex()[:8])
r = ba.strip()
r[0] = 74
print(r, ba)
copy = ba.copy()
copy.append(33)
print(len(copy), len(ba), copy is not ba)
print(bytearray(b'abc') == b'abc', bytearray(b'abc') < b'abd', b'abc' + bytearray(b'd') == bytearray(b'abcd'))
