import codecs

print(codecs.utf_8_encode('aé€'), codecs.utf_8_decode(b'a\xc3\xa9'))
print(codecs.utf_8_decode(b'a\xe2\x82', 'strict', False), codecs.utf_8_decode(b'a\xe2\x82\xac', 'strict', False))
print(codecs.utf_8_decode(b'a\xe2\x82', 'replace', True))
print(codecs.utf_8_decode(bytearray(b'xy')), codecs.utf_8_decode(memoryview(b'zz')))
print(codecs.latin_1_encode('aé'), codecs.latin_1_decode(b'a\xe9'))
print(codecs.ascii_encode('ab'), codecs.ascii_decode(b'ab'))
print(codecs.ascii_encode('aé', 'replace'), codecs.ascii_decode(b'a\xe9', 'ignore'))
print(codecs.utf_16_encode('ab'), codecs.utf_16_le_encode('ab'), codecs.utf_16_be_encode('ab'))
print(codecs.utf_16_encode('ab', 'strict', 1), codecs.utf_16_encode('ab', 'strict', -1))
print(codecs.utf_16_decode(b'\xff\xfea\x00b\x00'), codecs.utf_16_decode(b'\xfe\xff\x00a\x00'))
print(codecs.utf_16_le_decode(b'a\x00b', 'strict', False), codecs.utf_16_be_decode(b'\x00a'))
print(codecs.utf_16_ex_decode(b'\xfe\xff\x00a\x00b'), codecs.utf_16_ex_decode(b'a\x00', 'strict', -1))
print(codecs.utf_16_le_decode(b'=\xd8', 'strict', False))
print(codecs.utf_32_encode('a'), codecs.utf_32_le_encode('a'), codecs.utf_32_be_encode('a'))
print(codecs.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00\x00'), codecs.utf_32_be_decode(b'\x00\x00\x00a\x00'))
print(codecs.utf_32_ex_decode(b'\x00\x00\xfe\xff\x00\x00\x00a'))
table = codecs.charmap_build('abc?' + '\ufffe' * 252)
print(codecs.charmap_encode('cab', 'strict', table), codecs.charmap_decode(b'\x00\x02', 'strict', 'abc'))
print(codecs.charmap_decode(b'\x00\x01', 'strict', {0: 'x', 1: 0x263a}))
print(codecs.charmap_encode('ab', 'strict', {97: 1, 98: b'zz'}))
try:
    codecs.charmap_decode(b'\x05', 'strict', 'abc')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    codecs.charmap_encode('q', 'strict', table)
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print(codecs.charmap_decode(b'\x05a', 'replace', 'abc'), codecs.charmap_encode('qa', 'replace', table))
print(codecs.charmap_decode(b'ab'), codecs.charmap_encode('ab'))
print(codecs.escape_encode(b"a\\'\n\x00\xff"), codecs.escape_decode(b'a\\n\\x41\\101'))
try:
    codecs.escape_decode(b'\\x4')
except ValueError as e:
    print(type(e).__name__, e)
print(codecs.unicode_escape_encode('a\n\\é€\U0001f600'), codecs.unicode_escape_decode(b'a\\n\\u20ac\\U0001F600\\x41'))
print(codecs.unicode_escape_decode(b'ab\\u20', 'strict', False))
try:
    codecs.unicode_escape_decode(b'\\u12')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(codecs.raw_unicode_escape_encode('aé€\U0001f600'), codecs.raw_unicode_escape_decode(b'a\\u20ac\\n\\\\u0041'))
print(codecs.readbuffer_encode(b'ab'), codecs.readbuffer_encode('ab'))
print(codecs.utf_7_encode('Hi Mom -\u263a-!'), codecs.utf_7_decode(b'Hi Mom -+Jjo--!'))
print('a+b€'.encode('utf-7'), b'a+-b+IKw-'.decode('utf-7'))
print(codecs.encode('text', 'unicode_escape'), codecs.decode(b'\\t', 'unicode_escape'))
