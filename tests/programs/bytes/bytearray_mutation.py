ba = bytearray(b'hello')
ba.append(33)
print(ba)
ba.extend(b' world')
ba.extend([1, 2])
ba.extend(range(65, 68))
ba.extend(bytearray(b'!'))
print(ba, len(ba))
ba.insert(0, 62)
ba.insert(-1, 60)
ba.insert(100, 63)
ba.insert(-100, 64)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord('l'))
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
c.clear()
print(c, ba == c, len(ba) > 0)
for call in [lambda: bytearray(b'a').append(300), lambda: bytearray(b'a').append('a'), lambda: bytearray().pop(),
             lambda: bytearray(b'a').pop(5), lambda: bytearray(b'a').remove(5), lambda: bytearray(b'a').extend(5),
             lambda: bytearray(b'a').extend('a'), lambda: bytearray(b'a').extend([300]), lambda: bytearray(b'a').insert(0, 300),
             lambda: bytearray(b'a').append(-1), lambda: bytearray(b'a').extend([1, 'x'])]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
