import os, io, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'u.txt')
for enc in ['utf-16', 'utf-32', 'utf-16-le', 'utf-8-sig']:
    with open(p, 'w', encoding=enc) as f:
        f.write('ab')
    with open(p, 'a', encoding=enc) as f:
        f.write('cd')
    print(enc, open(p, 'rb').read(), open(p, encoding=enc).read())
r, w = os.pipe()
t = io.open(w, 'w', encoding='utf-16'); t.write('xy'); t.flush()
print(os.read(r, 100))
b = io.BytesIO(); t = io.TextIOWrapper(b, encoding='utf-16'); t.write('q'); t.flush(); print(b.getvalue())
b = io.BytesIO(b'zz'); b.seek(2); t = io.TextIOWrapper(b, encoding='utf-16'); t.write('q'); t.flush(); print(b.getvalue())
b = io.BytesIO(); t = io.TextIOWrapper(b, encoding='ascii'); t.reconfigure(encoding='utf-16'); t.write('q'); t.flush(); print(b.getvalue())
b = io.BytesIO(); t = io.TextIOWrapper(b, encoding='cp1252', errors='replace'); t.write('é€Ж\r\n'); t.flush(); print(b.getvalue())
b = io.BytesIO(b.getvalue()); t = io.TextIOWrapper(b, encoding="cp1252", newline=None); print(repr(t.read()))
b = io.BytesIO('Жизнь\r\nok\r'.encode('koi8-r')); t = io.TextIOWrapper(b, encoding='koi8-r'); t._CHUNK_SIZE = 5; print(repr(t.readline()), repr(t.read()))
try:
    io.TextIOWrapper(io.BytesIO(), encoding='rot13')
except LookupError as e:
    print('LookupError', e)
try:
    io.TextIOWrapper(io.BytesIO(), encoding='nope')
except LookupError as e:
    print('LookupError', e)
t = io.TextIOWrapper(io.BytesIO(), encoding='cp1252')
try:
    t.write('Ж'); t.flush()
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
print(t.encoding, t.errors)
with open(p, 'w', encoding='utf-8-sig') as f:
    f.write('sig')
print(open(p, 'rb').read(), repr(open(p, encoding='utf-8-sig').read()), repr(open(p, encoding='utf-8').read()))
r, w = os.pipe()
t = io.open(w, 'w', encoding='utf-8-sig'); t.write('xy'); t.flush()
print(os.read(r, 100))
