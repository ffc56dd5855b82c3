b = b'hello world, hello bytes'
print(b.find(b'hello'), b.find(b'hello', 1), b.find(b'zz'), b.find(b'o', 5, 8), b.find(111))
print(b.rfind(b'hello'), b.rfind(b'o'), b.rfind(b'o', 0, 5), b.rfind(b'q'))
print(b.index(b'world'), b.rindex(b'l'))
print(b.count(b'l'), b.count(b'hello'), b.count(b''), b.count(b'l', 3, 10), b.count(108))
print(b.find(b''), b.find(b'', 100), b.rfind(b''), b.count(b'', 5, 2))
print(b.find(b'h', -5), b.find(b'h', -100), b.find(bytearray(b'world')))
for call in [lambda: b.index(b'zz'), lambda: b.rindex(b'zz'), lambda: b.find('a'), lambda: b.find(300),
             lambda: b.find(), lambda: b.count(b'a', 'x'), lambda: b.find(1, 2, 3, 4)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
ba = bytearray(b'abcabc')
print(ba.find(b'c'), ba.rfind(b'c'), ba.count(b'ab'), ba.index(99))
print(b.startswith(b'hello'), b.startswith(b'world', 6), b.startswith((b'x', b'he')), b.endswith(b'bytes'), b.endswith(b'hello', 0, 5))
print(b.startswith(b''), b.endswith(b'', 100), ba.startswith(b'abc'))
for call in [lambda: b.startswith('a'), lambda: b.endswith(('a',)), lambda: b.startswith()]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
