cases = [b'', b' ', b'a', b'  a  ', b'a b  c', b'\x0b\x0ca\x1cb', b'a\x00b', b'\ta\tb\t']
for c in cases:
    print(c, c.split(), c.rsplit(), c.split(maxsplit=0), c.rsplit(maxsplit=0), c.split(None, 1), c.rsplit(None, 1), c.split(b' '))
for sep in [b'a', b'aa', b'ab']:
    s = b'aaabaaab'
    print(sep, s.split(sep), s.rsplit(sep), s.split(sep, 1), s.rsplit(sep, 1), s.split(sep, -1), s.count(sep), s.replace(sep, b'.'))
print(b'a\r\nb\rc\nd\x0be\x0cf\x1cg'.splitlines(), b'\r\n\r\n'.splitlines(), b'\n'.splitlines(True))
