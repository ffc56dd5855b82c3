import codecs

def feed(encoding, data, step):
    dec = codecs.getincrementaldecoder(encoding)()
    out = []
    for i in range(0, len(data), step):
        out.append(dec.decode(data[i:i + step]))
    out.append(dec.decode(b'', final=True))
    return out

text = 'aé€\U0001f600z'
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be', 'latin-1', 'cp1252', 'utf-8-sig']:
    try:
        data = text.encode(enc)
    except UnicodeEncodeError as e:
        data = text.encode(enc, 'replace')
    for step in (1, 2, 3):
        print(enc, step, feed(enc, data, step))

enc = codecs.getincrementalencoder('utf-16')()
print(enc.encode('ab'), enc.encode('c'), enc.encode('', final=True))
dec = codecs.getincrementaldecoder('utf-8')()
print(repr(dec.decode(b'\xe2')), dec.getstate())
try:
    dec.decode(b'x', final=True)
except UnicodeDecodeError as e:
    print(type(e).__name__, e)

print(codecs.iterdecode([b'a\xc3', b'\xa9b'], 'utf-8').__next__())
print(list(codecs.iterencode(['a', 'é'], 'utf-8')))
