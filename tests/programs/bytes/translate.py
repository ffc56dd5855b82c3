table = bytes.maketrans(b'abc', b'xyz')
print(len(table), table[97:100])
print(b'aabbcc'.translate(table), b'abcdef'.translate(table, b'de'), b'hello'.translate(None, b'l'), b'xyz'.translate(None))
print(bytearray(b'abc').translate(table), b'abc'.translate(table, delete=b'a'))
print(bytearray.maketrans(b'a', b'b')[97], b''.maketrans(b'q', b'r')[113])
for call in [lambda: b'a'.translate(b'x'), lambda: b'a'.translate(None, 'a'), lambda: bytes.maketrans(b'a', b'bc'), lambda: bytes.maketrans('a', 'b')]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
