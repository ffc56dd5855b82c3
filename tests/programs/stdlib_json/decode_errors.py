# json.loads through _json's scanner: values, hooks, and JSONDecodeError messages and positions.
import json
import _json
from json.decoder import JSONDecodeError

print(json.scanner.make_scanner is _json.make_scanner, json.decoder.scanstring is _json.scanstring)
docs = ['{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\n\\u00e9\\ud83d\\ude00"}}',
        '  [ 1 , 2 ]  ', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '0', '-0', '-0.0', '1E5', '1e-3', '12345678901234567890123',
        '[NaN, Infinity, -Infinity]', '{}', '[]', '{"k": {}, "l": []}', '"héllo wörld ✓"',
        '{"dup": 1, "dup": 2}', '1.5e+300', '[1e400]', '"\\ud800"x', '[-]' , '0123']
for doc in docs:
    try:
        print(repr(json.loads(doc)))
    except JSONDecodeError as e:
        print("JSONDecodeError", e, e.pos, e.lineno, e.colno)

bad = ['', '[', '{', '{"a"', '{"a":', '{"a": 1', '{"a": 1,', '{"a": 1,}', '[1,]', '[1 2]',
       '{"a" 1}', '{1: 2}', '"abc', '"a\\', '"\\x"', '"\\u12"', '"\\u12zz"', '"a\tb"', 'nul',
       'tru', '[1,\n  2,\n  x]', '{"a": [1, {"b": }]}', '  ', '[1] [2]', 'Infinit', '-', '- 1',
       '"\\ud834\\u12"', '\ufeff[1]', '{"a":1 "b":2}', '[\n\n\n]x']
for doc in bad:
    try:
        print(repr(json.loads(doc)))
    except JSONDecodeError as e:
        print(repr(doc), "->", e, "|", e.pos, e.lineno, e.colno)

print(json.loads('"a\tb"', strict=False))
print(json.loads('{"b": 1, "a": [2]}', object_pairs_hook=lambda p: p))
print(json.loads('{"b": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2, "x"]', parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: s.lower()))

s = _json.scanstring
print(s('"abc" rest', 1), s('x"\\u0041\\n"', 2), s('"a\x01b"', 1, False))
for args in [('"abc', 1), ('"abc"', 10), ('"abc"', -1), (b'"abc"', 1), ('"abc"',)]:
    try:
        print(s(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

scanner = _json.make_scanner(json.JSONDecoder())
print(scanner('[1, 2] tail', 0), scanner('xx"y"', 2))
for args in [('[1]', 5), ('abc', 0), ('[1]', -1)]:
    try:
        print(scanner(*args))
    except StopIteration as e:
        print("StopIteration", e.value)
    except ValueError as e:
        print("ValueError", e)
print(type(scanner).__name__, type(scanner).__module__)
