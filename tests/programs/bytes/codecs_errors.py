samples = [b'\xff', b'abc\xff', b'\xe2\x82', b'\xe2\x28\xa1', b'\xc3', b'\xed\xa0\x80', b'\xf0\x9f\x98', b'a\x80b', b'\xc0\xaf', b'\xf5\x80']
for s in samples:
    try:
        print(s.decode())
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError', e)
    for handler in ['ignore', 'replace', 'backslashreplace']:
        print(handler, repr(s.decode('utf-8', handler)))
for s in [b'\xff', b'ab\x80\x81c']:
    try:
        s.decode('ascii')
    except UnicodeDecodeError as e:
        print(e)
    print(s.decode('ascii', 'replace'), s.decode('ascii', 'ignore'), s.decode('ascii', 'backslashreplace'))
for t in ['\xff', 'a€b', 'x€€y', '\U0001f600', 'ok']:
    for enc in ['ascii', 'latin-1']:
        try:
            print(t.encode(enc))
        except UnicodeEncodeError as e:
            print('UnicodeEncodeError', e)
        for handler in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
            print(enc, handler, t.encode(enc, handler))
try:
    b'a'.decode('nope')
except LookupError as e:
    print('LookupError', e)
try:
    'a'.encode('nope')
except LookupError as e:
    print('LookupError', e)
print(b'a'.decode('utf-8', 'bogus'))
try:
    b'\xff'.decode('utf-8', 'bogus')
except LookupError as e:
    print('LookupError', e)
print(isinstance(UnicodeDecodeError, type), issubclass(UnicodeDecodeError, UnicodeError), issubclass(UnicodeEncodeError, ValueError))
try:
    b'\x01'.decode('utf-16')
except UnicodeDecodeError as e:
    print(e)
try:
    b'\x00\xd8'.decode('utf-16-le')
except UnicodeDecodeError as e:
    print(e)
try:
    b'\x01\x00'.decode('utf-32')
except UnicodeDecodeError as e:
    print(e)
