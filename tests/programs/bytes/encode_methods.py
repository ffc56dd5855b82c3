s = 'Grüße, 世界! 🎉'
for enc in ['utf-8', 'utf-16', 'utf-32', 'utf-16-be', 'utf-32-le']:
    e = s.encode(enc)
    print(enc, len(e), e[:6], e.decode(enc))
print(s.encode('ascii', 'ignore'), s.encode('ascii', 'replace'), s.encode('ascii', 'backslashreplace'), s.encode('latin-1', 'xmlcharrefreplace'))
print('abc'.encode('UTF8'), 'abc'.encode('Latin_1'), 'abc'.encode(' ascii '.strip()), 'x'.encode('us-ascii'))
print(b'\xef\xbb\xbfhi'.decode('utf-8-sig'), 'hi'.encode('utf-8-sig'), b'hi'.decode('utf-8-sig'))
print(b'\xff\xfeh\x00i\x00'.decode('utf-16'), b'\xfe\xff\x00h\x00i'.decode('utf-16'), b'h\x00'.decode('utf-16'))
for code in ["'x'.encode(1)", "'x'.encode('utf-8', 1)", "'x'.encode(encoding='ascii', errors='strict', z=1)", "b'x'.decode(1)", "''.encode('rot13-nope')"]:
    try:
        print(eval(code))
    except Exception as e:
        print(code, type(e).__name__, e)
