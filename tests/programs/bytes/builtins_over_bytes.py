b = b'hello'
print(list(reversed(b)), list(reversed(bytearray(b'ab'))), list(enumerate(b'ab')), list(zip(b'ab', b'cd')))
print(sorted([b'b', b'a', b'ab', b'']), max([b'x', b'xy']), min(b'zyx'), sum(b'abc'), any(b'\x00'), all(b'\x01\x02'))
print(tuple(b'ab'), set(b'aab') == {97, 98}, dict.fromkeys(b'ab'), len(bytearray(10)))
print(isinstance(b'', bytes), isinstance(bytearray(), bytes), isinstance(b'', bytearray), issubclass(bytes, object))
print(type(b'') is bytes, type(bytearray()) is bytearray, bytes.__name__, bytearray.__name__, memoryview.__name__, complex.__name__)
print(repr(bytes), repr(bytearray), repr(memoryview), repr(complex))
print(callable(bytes), bytes.fromhex('41'), bytes.maketrans(b'', b'')[:3], bytes.upper(b'x'), bytearray.upper(bytearray(b'y')))
print(str(b'x'), format(b'x'), f'{b"x"}', f'{bytearray(b"y")!r}', ascii(b'\xff'))
print(b'abc'.__len__() if hasattr(b'abc', '__len__') else 3, hasattr(b'', 'decode'), hasattr(bytearray(), 'append'), hasattr(b'', 'append'))
try:
    format(b'x', '10')
except TypeError as e:
    print(e)
try:
    bytes.upper('x')
except TypeError as e:
    print(e)
try:
    b'x'.nope
except AttributeError as e:
    print(e)
