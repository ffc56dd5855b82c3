import codecs

# lookup and normalization through a search function
seen = []
def search(name):
    seen.append(name)
    return None
codecs.register(search)
for name in ['Foo Bar', 'A-B_C', '  x..y--z ', 'a\tb']:
    try:
        codecs.lookup(name)
    except LookupError as e:
        print(type(e).__name__, e)
print(seen)
codecs.unregister(search)

info = codecs.lookup('UTF8')
print(info.name, isinstance(info, codecs.CodecInfo))
print(codecs.lookup('latin_1').name, codecs.lookup('CP1252').name, codecs.lookup('rot13').name)
for bad in [5, None]:
    try:
        codecs.lookup(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    codecs.register(5)
except TypeError as e:
    print(type(e).__name__, e)

# a custom codec
def mycodec(name):
    if name == 'shout':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)),
                                lambda b, errors='strict': (bytes(b).decode().lower(), len(b)),
                                name='shout')
    return None
codecs.register(mycodec)
print(codecs.encode('hello', 'shout'), codecs.decode(b'HELLO', 'shout'))
print('hey'.encode('shout'), b'HEY'.decode('shout'))
print(codecs.lookup('SHOUT').name)

# encode/decode top-level
print(codecs.encode('abc', 'rot13'), codecs.decode('nop', 'rot_13'))
print('é€'.encode('cp1252'), b'\x80\xe9'.decode('cp1252'))
print('Привет'.encode('koi8-r'), b'\xf0\xd2\xc9'.decode('koi8_r'))
print('ab'.encode('cp437'), 'ü'.encode('cp850'))
print(str(b'\x80', 'cp1252'))
try:
    'abc'.encode('rot13')
except LookupError as e:
    print(type(e).__name__, e)
try:
    'abc'.encode('nonexistent-codec')
except LookupError as e:
    print(type(e).__name__, e)
try:
    '€'.encode('cp437')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print('a€b'.encode('cp437', 'replace'), 'a€b'.encode('cp437', 'ignore'))
print('a€b'.encode('cp437', 'xmlcharrefreplace'), 'a€b'.encode('cp437', 'backslashreplace'))
print(b'a\x81b'.decode('cp1252', 'replace'), b'a\x81b'.decode('cp1252', 'ignore'))
try:
    b'a\x81b'.decode('cp1252')
except UnicodeDecodeError as e:
    print(type(e).__name__, e, e.start, e.end, e.encoding, e.reason)
