text = 'héllo wörld €𝄞'
for enc in ['utf-8', 'utf8', 'UTF-8', 'utf_8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']:
    data = text.encode(enc)
    print(enc, len(data), data[:12], data.decode(enc) == text)
print('abc'.encode(), 'abc'.encode('ascii'), 'é'.encode('latin-1'), 'é'.encode('latin1'), 'é'.encode('iso-8859-1'))
print(b'\xe9'.decode('latin-1'), b'abc'.decode('ascii'), b'caf\xc3\xa9'.decode(), bytearray(b'\xc3\xa9').decode('utf-8'))
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'abc', encoding='ascii'))
print(b'abc'.decode(encoding='ascii', errors='strict'), 'x'.encode(encoding='utf-8'))
print(memoryview(b'hi').tobytes().decode())
