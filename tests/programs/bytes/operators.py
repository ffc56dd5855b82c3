a, b = b'abc', b'xyz'
print(a + b, a * 2, 3 * a, a * 0, a * -1)
print(bytearray(a) + b, a + bytearray(b), type(a + bytearray(b)).__name__, type(bytearray(a) + b).__name__)
print(a + memoryview(b'mv'))
print(a == b'abc', a == bytearray(b'abc'), a != b, a == 'abc', a == [97])
print(a < b, a <= a, b > a, b'ab' < b'abc', b'' < b'\x00', bytearray(b'b') > b'a')
print(b'b' in b'abc', 98 in b'abc', b'bc' in b'abc', b'' in b'abc', 0 in b'abc', b'x' not in b'abc')
print(bytearray(b'ab') in b'xaby')
for expr in ["b'a' + 'b'", "'b' + b'a'", "b'a' * 'x'", "b'a' * 1.5", "b'a' < 'a'", "'a' in b'abc'", "300 in b'abc'", "b'a' - b'a'", "-b'a'"]:
    try:
        print(eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
print(hash(b'abc') == hash(b'abc'), hash(b'') == hash(b''))
print(hash(b'abc') == hash('abc'))
s = {b'a', b'a', bytes([97])}
print(len(s))
d = {b'k': 1}
d[b'k'] += 1
print(d)
try:
    hash(bytearray(b'x'))
except TypeError as e:
    print(e)
print(bool(b''), bool(b'\x00'), bool(bytearray()), not b'x')
print(max(b'hello'), min(b'hello'), sum(b'\x01\x02'), sorted(b'cab'))
print(b'abc' is not None)
