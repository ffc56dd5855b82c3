# Pattern, Match and Scanner objects of _sre (driven with code lists from CPython's
# re._compiler): positions, keyword arguments, errors, reprs, unicode subjects.
import _sre
WORD = _sre.compile(*('(?P<word>\\w+)(?:-(?P<num>\\d+))?', 32, [14, 4, 0, 1, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 23, 19, 0, 1, 16, 45, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 3, 18, 1], 2, {'word': 1, 'num': 2}, (None, 'word', 'num')))
EMPTY = _sre.compile(*('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,)))
UNI = _sre.compile(*('(?P<w>[^\\W\\d]+)(\\d*)', 32, [14, 4, 0, 1, 4294967295, 17, 0, 24, 12, 1, 4294967295, 13, 7, 21, 8, 15, 8, 10, 0, 1, 17, 1, 17, 2, 24, 9, 0, 4294967295, 13, 4, 8, 10, 0, 1, 17, 3, 1], 2, {'w': 1}, (None, 'w', None)))
ALT = _sre.compile(*('(a)|(b)', 32, [14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 11, 9, 17, 2, 16, 98, 17, 3, 15, 2, 0, 1], 2, {}, (None, None, None)))
LONG = _sre.compile(*('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 32, [14, 506, 3, 250, 250, 250, 250, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 16, 97, 1], 0, {}, (None,)))
BYT = _sre.compile(*(b'(?P<k>[a-z]+)=(?P<v>[0-9]*)', 0, [14, 4, 0, 2, 4294967295, 17, 0, 24, 10, 1, 4294967295, 13, 5, 22, 97, 122, 0, 1, 17, 1, 16, 61, 17, 2, 24, 10, 0, 4294967295, 13, 5, 22, 48, 57, 0, 1, 17, 3, 1], 2, {'k': 1, 'v': 2}, (None, 'k', 'v')))
CASE = _sre.compile(*('straße', 34, [14, 4, 0, 6, 6, 39, 6, 16, 115, 16, 383, 0, 40, 116, 40, 114, 40, 97, 40, 223, 40, 101, 1], 0, {}, (None,)))

m = WORD.search('  hello-42 world', 1)
print(m, m.span(), m.span('num'), m.start('word'), m.end(2), m.pos, m.endpos)
print(m.group(), m.group(0), m.group(1, 'num', 0), m['word'], m[2], m.groups(), m.groupdict())
print(m.regs, m.lastindex, m.lastgroup, m.re is WORD, m.string, bool(m))
print(m.regs is m.regs)
m = WORD.search('x world-', 2)
print(m.groups(), m.groups('dflt'), m.groupdict(default=0), m.span(2), m.start(2), m.lastgroup)
for bad in (3, -1, 'nope', 1.5, None, 10**30):
    for f in (m.group, m.start, m.end, m.span, m.__getitem__):
        try:
            f(bad)
        except Exception as e:
            print(f.__name__, repr(bad), type(e).__name__, e)
print(WORD.match('hello', pos=2), WORD.match(string='hello', endpos=3), WORD.fullmatch('ab-1', 0, 4))
print(WORD.search('hello', 10), WORD.search('hello', -5, -1), WORD.search('hello', 3, 1))
print(EMPTY.match('abc', 2, 1), EMPTY.findall('xxaxx'), EMPTY.split('xxaxx'), EMPTY.sub('-', 'abxxc'))
print(EMPTY.subn('-', 'abc', 2), EMPTY.sub('-', 'abc', count=1), [x.span() for x in EMPTY.finditer('axxb')])
print(WORD.findall('a-1 b c-22'), ALT.findall('abba'), ALT.split('xaybz'), ALT.split('xaybz', maxsplit=1))
print(ALT.sub(lambda m: None, 'xaybz'), ALT.sub(lambda m: m.group().upper(), 'xaybz'))
for repl in (lambda m: 5, b"x"):
    try:
        print(ALT.sub(repl, 'ab'))
    except TypeError as e:
        print(type(e).__name__, e)
s = 'Grüße, Ωmega7 ünïcödé99 — 日本語 x'
print(UNI.findall(s))
print([(m.span(), m.group(1), m.group(2)) for m in UNI.finditer(s, 3, 20)])
print(UNI.split(s), UNI.sub(lambda m: m.group(1)[::-1], s))
print(UNI.search(s, 8), CASE.search('STRASSE Straße STRAẞE'), CASE.findall('STRAẞE straße'))
print(LONG)
print(LONG.match('a' * 260))
print(repr(WORD), WORD.groups, sorted(WORD.groupindex.items()), WORD.flags, WORD.pattern)
print(BYT, BYT.search(b'--key=99'), BYT.search(b'--key=99').groupdict(), BYT.findall(bytearray(b'a=1 b= c')))
sc = WORD.scanner('ab-1 cd ef-2')
print(sc.pattern is WORD, sc.match(), sc.search(), sc.search(), sc.search(), sc.search(), sc.match())
sc = EMPTY.scanner('xxa')
print([sc.match() for _ in range(4)])
try:
    WORD.match()
except TypeError as e:
    print(type(e).__name__, e)
try:
    WORD.match('a', 'b')
except TypeError as e:
    print(type(e).__name__, e)
try:
    WORD.match('a', 0, 5, 6)
except TypeError as e:
    print(type(e).__name__, e)
try:
    WORD.sub('x')
except TypeError as e:
    print(type(e).__name__, e)
for cls in (type(WORD), type(m)):
    try:
        cls()
    except TypeError as e:
        print(type(e).__name__, e)
print(type(WORD).__name__, type(m).__name__, type(sc).__name__, type(WORD).__module__, type(m).__module__)
print(WORD == _sre.compile(*('(?P<word>\\w+)(?:-(?P<num>\\d+))?', 32, [14, 4, 0, 1, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 23, 19, 0, 1, 16, 45, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 3, 18, 1], 2, {'word': 1, 'num': 2}, (None, 'word', 'num'))), WORD != EMPTY, WORD == 5)
WORD.search(b'bytes')
