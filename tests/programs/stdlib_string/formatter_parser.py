import _string

for s in ['', 'abc', '{}', '{0}', 'a{b}c', '{x!r}', '{x:>10}', '{x!s:^5}', '{{}}', 'a{{b', 'c}}d', '{0.attr[1]}',
          '{a[}]:x}', '{:{width}.{prec}}', 'x{y}z{w!a:3}', '{!r}', '{:}', '{a!}', '{0[a:b]}']:
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
for s in ['{', '}', 'a{', 'a}b', '{a', '{a!', '{a!rx}', '{a{b}', '{!}']:
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
for name in ['a', '0', '', 'a.b', 'a[0]', 'a[x].y[2]', '12.real', 'a.b.c', 'x[1][2]']:
    first, rest = _string.formatter_field_name_split(name)
    print(repr(name), repr(first), list(rest))
for name in ['a.', 'a[', 'a[0]x', 'a..b', 'a[]']:
    try:
        first, rest = _string.formatter_field_name_split(name)
        print(repr(name), first, list(rest))
    except Exception as e:
        print(repr(name), type(e).__name__, e)
