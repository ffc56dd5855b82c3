import unicodedata as ud

print(ud.unidata_version)
for c in 'aZ5 \t\n€é中😀\u0301\u00bd\u2167\u0660\u200d\u05d0\u0627\ufb01\u1100\uac00\U0001f600\u00a0\u2028_-(]':
    print(repr(c), ud.category(c), ud.bidirectional(c), ud.east_asian_width(c), ud.combining(c), ud.mirrored(c),
          repr(ud.decomposition(c)), ud.name(c, '?'), ud.numeric(c, None), ud.decimal(c, None), ud.digit(c, None))
for n in ['LATIN SMALL LETTER A', 'EURO SIGN', 'latin capital letter e with acute', 'SNOWMAN', 'HANGUL SYLLABLE GA', 'CJK UNIFIED IDEOGRAPH-4E2D']:
    print(n, repr(ud.lookup(n)))
s = 'e\u0301 \u00e9 \ufb01 \u2168 \uac00 \u1100\u1161'
for form in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    r = ud.normalize(form, s)
    print(form, [hex(ord(c)) for c in r], ud.is_normalized(form, s), ud.is_normalized(form, r))
def check(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: ud.lookup('NOT A REAL NAME'))
check(lambda: ud.name('\U000e0000'))
check(lambda: ud.category('ab'))
check(lambda: ud.category(5))
check(lambda: ud.numeric('a'))
check(lambda: ud.decimal('\u00bd'))
check(lambda: ud.digit('x'))
check(lambda: ud.normalize('NFX', 'a'))
check(lambda: ud.name('\x00'))
print(ud.ucd_3_2_0.unidata_version, ud.ucd_3_2_0.category('A'))
