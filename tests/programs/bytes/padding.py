b = b'abc'
print(b.center(9), b.center(8, b'*'), b.center(2), b.ljust(6, b'-'), b.rjust(6), b.ljust(2))
print(b'ab'.center(5, b'.'), b'ab'.center(6, b'.'), b'abc'.center(6, b'.'), b'abc'.center(7, b'.'))
print(b'42'.zfill(5), b'-42'.zfill(5), b'+42'.zfill(5), b'abc'.zfill(2), b''.zfill(3), b'-'.zfill(3))
print(bytearray(b'x').center(3), bytearray(b'7').zfill(3))
print(b'a\tb\tc'.expandtabs(), b'a\tb'.expandtabs(4), b'ab\tc\nd\te'.expandtabs(3), b'\t'.expandtabs(0), b'x\ty'.expandtabs(tabsize=2))
for call in [lambda: b'a'.center(), lambda: b'a'.center(5, 'x'), lambda: b'a'.center(5, b'xy'), lambda: b'a'.zfill(),
             lambda: b'a'.zfill('a'), lambda: b'a'.expandtabs('x'), lambda: b'a'.ljust(5, bytearray(b'x'))]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
