# UnicodeError subclasses made from Python carry encoding/object/start/end/reason.
e = UnicodeDecodeError('utf-8', bytearray(b'\xff\xfe'), 0, 2, 'bad')
print(e, repr(e), e.object, e.start, e.end, e.reason, e.encoding, e.args)
e.reason = 'changed'
e.end = 1
print(e)
print(UnicodeEncodeError('ascii', 'h\xe9llo', 1, 2, 'ordinal not in range(128)'))
print(UnicodeEncodeError('ascii', 'h\u20acllo', 1, 3, 'r'), UnicodeEncodeError('ascii', 'h\U0001f600', 1, 2, 'r'))
print(UnicodeEncodeError('ascii', 'h\u20acllo', 1, 2, 'r'))
print(UnicodeTranslateError('ab\xe9', 2, 3, 'no'), UnicodeTranslateError('abc', 0, 2, 'no'))
print(UnicodeError('plain'), UnicodeError().args, isinstance(e, ValueError))
for args in [('utf-8', 1, 0, 1, 'x'), (1, b'', 0, 1, 'x'), ('u', b'ab', 'a', 1, 'x'), ('u', b'ab', 0, 1, 3), ('a',)]:
    try:
        UnicodeDecodeError(*args)
    except TypeError as err:
        print(type(err).__name__, err)
class MyDecodeError(UnicodeDecodeError):
    pass
m = MyDecodeError('latin-1', b'abc', 1, 2, 'why')
print(m, m.start, type(m).__name__)
try:
    raise UnicodeDecodeError('utf-8', b'\x80', 0, 1, 'invalid start byte')
except UnicodeError as caught:
    print(type(caught).__name__, caught.reason)
raise UnicodeEncodeError('ascii', '\xff', 0, 1, 'ordinal not in range(128)')
