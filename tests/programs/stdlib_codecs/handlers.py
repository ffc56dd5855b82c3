import codecs

for name in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    print(name, codecs.lookup_error(name).__name__)
try:
    codecs.lookup_error('nope')
except LookupError as e:
    print(type(e).__name__, e)
try:
    codecs.register_error('x', 5)
except TypeError as e:
    print(type(e).__name__, e)

e = UnicodeEncodeError('ascii', 'aé€b', 1, 3, 'ordinal not in range(128)')
print(e, e.start, e.end, repr(e.object), e.encoding, e.reason, e.args)
print(codecs.ignore_errors(e), codecs.replace_errors(e))
print(codecs.backslashreplace_errors(e), codecs.xmlcharrefreplace_errors(e))
e1 = UnicodeEncodeError('latin-1', 'a\U0001f600', 1, 2, 'bad')
print(e1, codecs.backslashreplace_errors(e1))
d = UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'invalid start byte')
print(d, d.object, codecs.replace_errors(d), codecs.backslashreplace_errors(d))
d1 = UnicodeDecodeError('utf-8', bytearray(b'a\xffb'), 1, 2, 'invalid start byte')
print(d1, type(d1.object).__name__)
t = UnicodeTranslateError('abc', 0, 1, 'nope')
print(t, codecs.replace_errors(t))
try:
    codecs.xmlcharrefreplace_errors(d)
except TypeError as e:
    print(type(e).__name__, e)
try:
    codecs.strict_errors(d)
except UnicodeDecodeError as e:
    print('strict raised', e)
for args in [(), ('a',), (1, 'a', 0, 1, 'r')]:
    try:
        UnicodeEncodeError(*args)
    except TypeError as e:
        print(type(e).__name__, e)

def myhandler(exc):
    return ('<%d-%d>' % (exc.start, exc.end), exc.end)
codecs.register_error('mine', myhandler)
print(codecs.lookup_error('mine') is myhandler)
print('aéêb€'.encode('ascii', 'mine'), 'x€y'.encode('latin-1', 'mine'))
print('x€y'.encode('cp437', 'mine'))
print(b'a\x81\x8db'.decode('cp1252', 'mine'))
print(b'a\xffb'.decode('ascii', 'mine'))

def skip(exc):
    return ('', exc.end + 1)
codecs.register_error('skipnext', skip)
print('a€bc'.encode('ascii', 'skipnext'))
