b = b'  a b\tc\n d  '
print(b.split(), b.rsplit(), b.split(None, 1), b.rsplit(None, 1))
print(b'a,b,,c'.split(b','), b'a,b,,c'.rsplit(b',', 1), b'a,b,,c'.split(b',', maxsplit=2))
print(b''.split(), b''.split(b','), b'abc'.split(b'abc'))
print(b'a--b--c'.split(b'--'), b'a--b--c'.rsplit(b'--', 1))
print(bytearray(b'x y').split(), type(bytearray(b'x y').split()[0]).__name__)
print(b'line1\nline2\r\nline3\rend'.splitlines(), b'a\nb\n'.splitlines(True), b''.splitlines(), b'x\n\n'.splitlines(keepends=True))
print(b'-'.join([b'a', b'b', b'c']), b''.join([]), b', '.join([bytearray(b'x'), memoryview(b'y')]))
print(bytearray(b'+').join([b'1', b'2']), type(bytearray(b'+').join([b'1'])).__name__)
print(b'key=value=x'.partition(b'='), b'key=value=x'.rpartition(b'='), b'abc'.partition(b'z'), b'abc'.rpartition(b'z'))
for call in [lambda: b'a'.split(b''), lambda: b'a'.split('a'), lambda: b'a'.split(1), lambda: b'a'.join([1]),
             lambda: b'a'.join(['a']), lambda: b'a'.join(5), lambda: b'a'.partition(b''), lambda: b'a'.partition('a'),
             lambda: b'x'.split(maxsplit='a'), lambda: b'a'.splitlines(1, 2)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
