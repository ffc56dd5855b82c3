def kind(x):
    match x:
        case b'GET':
            return 'get'
        case b'POST' | b'PUT':
            return 'write'
        case bytes() if x.startswith(b'X-'):
            return 'custom'
        case bytearray():
            return 'mutable'
        case [first, *rest]:
            return f'sequence starting {first}'
        case _:
            return 'other'
for v in [b'GET', b'PUT', b'X-Thing', bytearray(b'GET'), b'DELETE', [1, 2], 'GET', memoryview(b'GET')]:
    print(repr(v) if not isinstance(v, memoryview) else 'memoryview', kind(v))
pairs = [(b'a', b'b'), (b'abc', b'ab'), (b'', b''), (bytearray(b'x'), b'x'), (b'\x00', b''), (b'Z', b'a')]
for a, b in pairs:
    print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
print(sorted([b'banana', b'Apple', b'cherry', b'apple']), sorted([bytearray(b'b'), b'a', bytearray(b'c')]))
