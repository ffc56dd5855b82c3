# Undecodable bytes survive a surrogateescape round trip (what os.fsdecode/fsencode rely on).
import os
for raw in [b'plain', b'a\xff\xfe', b'\x80name\xc3', b'caf\xc3\xa9\xff']:
    text = raw.decode('utf-8', 'surrogateescape')
    print(len(text), text.encode('utf-8', 'surrogateescape') == raw, os.fsencode(os.fsdecode(raw)) == raw)
print(b'ab\xff'.decode('ascii', 'surrogateescape').encode('ascii', 'surrogateescape'))
print(b'\xe9\xff'.decode('utf-8', 'surrogateescape').encode('latin-1', 'surrogateescape'))
try:
    b'a\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e)
try:
    'x\u20ac'.encode('ascii', 'surrogateescape')
except UnicodeEncodeError as e:
    print(e)
