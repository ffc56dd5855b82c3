import posix
path = '/tmp/kaa_types_files_text_and_bytes.txt'
text = 'naïve café ✓\nline two\n'
with open(path, 'w', encoding='utf-8') as f:
    f.write(text)
with open(path, 'rb') as f:
    raw = f.read()
print(raw, len(raw), len(text))
print(raw.decode('utf-8') == text, raw.decode('utf-8').splitlines())
print(raw.split(b'\n'), raw.count(b'\xc3'))
with open(path, 'wb') as f:
    f.write('latin: é'.encode('latin-1'))
    f.writelines([b'\n', b'more', bytearray(b'!')])
with open(path, 'r', encoding='latin-1') as f:
    print(repr(f.read()))
with open(path, 'rb') as f:
    data = bytearray(f.read())
data.reverse()
print(data)
posix.remove(path)
