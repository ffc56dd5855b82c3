import _sre
# (a|b)*c
args = ('(a|b)*c', 32, [14, 4, 0, 1, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 18, 16, 99, 1], 1, {}, (None, None))
args2 = ('(a|bc)*d', 32, [14, 4, 0, 1, 4294967295, 23, 21, 0, 4294967295, 17, 0, 7, 5, 16, 97, 15, 9, 7, 16, 98, 16, 99, 15, 2, 0, 17, 1, 18, 16, 100, 1], 1, {}, (None, None))
p = _sre.compile(*args)
m = p.match('ab' * 100000 + 'c')
print(m.span(), m.group(1))
print(p.match('ab' * 100000))
q = _sre.compile(*args2)
m = q.match('abc' * 100000 + 'd'); print(m.span(), m.group(1), q.search('abc' * 1000))
m = _sre.compile('x*', 32, [14,4,0,0,4294967295,24,6,0,4294967295,16,120,1,1], 0, {}, ()).match('x'*1000000)
print(m.end())
for bad in ([99, 1], [1, 2], [], [17, 9, 1]):
    try:
        _sre.compile('a', 0, bad, 0, {}, ())
    except Exception as e:
        print(type(e).__name__, e)
for bad in ([-1, 1], [2**40, 1], ['x']):
    try:
        _sre.compile('a', 0, bad, 0, {}, ())
    except Exception as e:
        print(type(e).__name__, e)
try:
    _sre.compile('a', 0, (1,), 0, {}, ())
except Exception as e:
    print(type(e).__name__, e)
try:
    _sre.compile(1, 0, [1], 0, {}, ())
except Exception as e:
    print(type(e).__name__, e)
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(sum(_sre.unicode_tolower(i) for i in range(0x110000)) % 1000003)
print(sum(i for i in range(0x110000) if _sre.unicode_iscased(i)) % 1000003, sum(1 for i in range(0x110000) if _sre.unicode_iscased(i)))
print([_sre.ascii_tolower(i) for i in range(60, 100)], [_sre.ascii_iscased(i) for i in (64, 65, 90, 91, 97, 200)])
p = _sre.compile('a', 2, [16, 97, 1], 0, {}, ())
print(p, p.flags, p.pattern, p.groups, p.groupindex)
print(p == _sre.compile('a', 2, [16, 97, 1], 0, {}, ()), p != _sre.compile('b', 2, [16, 97, 1], 0, {}, ()))
print(hash(p) == hash(_sre.compile('a', 2, [16, 97, 1], 0, {}, ())))

print(p.__copy__() is p, p.__deepcopy__({}) is p)
