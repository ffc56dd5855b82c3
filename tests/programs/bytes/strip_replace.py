b = b'  \t hello \n '
print(b.strip(), b.lstrip(), b.rstrip())
print(b'xxhixx'.strip(b'x'), b'xyhiyx'.strip(b'xy'), b'abc'.lstrip(b'a'), b'abc'.rstrip(bytearray(b'c')), b'abc'.strip(None))
print(bytearray(b' x ').strip(), type(bytearray(b' x ').strip()).__name__)
print(b'aaa'.replace(b'a', b'b'), b'aaa'.replace(b'a', b'b', 2), b'abc'.replace(b'', b'-'), b''.replace(b'', b'x'), b'abc'.replace(b'', b'-', 2))
print(b'hello'.replace(b'l', b''), b'hello'.replace(b'xyz', b'q'), b'aaaa'.replace(b'aa', b'b'), b'abc'.replace(b'b', b'XYZ', 0))
print(b'prefix_body'.removeprefix(b'prefix_'), b'body.txt'.removesuffix(b'.txt'), b'abc'.removeprefix(b'x'), bytearray(b'abc').removesuffix(b'c'))
for call in [lambda: b'a'.strip('a'), lambda: b'a'.strip(1, 2), lambda: b'a'.replace('a', 'b'), lambda: b'a'.replace(b'a'), lambda: b'a'.removeprefix('a')]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
