b = b'abcdefgh'
print(b[0], b[-1], b[3])
print(b[2:5], b[:3], b[5:], b[::2], b[::-1], b[-3:-1], b[10:20])
print(b[1:7:3], b[7:1:-2])
ba = bytearray(b'abcdefgh')
print(ba[0], ba[-1], ba[2:4], ba[::-1])
print(type(ba[1:3]).__name__, type(b[1:3]).__name__)
for key in [8, -9, 'x', 1.5]:
    try:
        print(b[key])
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(ba[key])
    except Exception as e:
        print(type(e).__name__, e)
print(list(b'hi'), [x for x in bytearray(b'yo')])
print(ord(b'a'), ord(b'a'[0:1]), ord(bytearray(b'z')))
try:
    ord(b'ab')
except TypeError as e:
    print(e)
try:
    b'abc'[2**70]
except IndexError as e:
    print(e)
it = iter(b'xy')
print(next(it), next(it))
