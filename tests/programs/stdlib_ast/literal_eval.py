# ast.literal_eval: accepted literals and CPython's errors.
import ast
import re

GOOD = [
    "1", "-1", "+1", "1.5", "-1.5e3", "1j", "1+2j", "-1-2j", "'s'", "b'b'", "u'u'", "'a' 'b'",
    "True", "False", "None", "[1, [2, [3]]]", "(1,)", "()", "{}", "{'a': 1, 2: [3]}", "{1, 2}",
    "set()", "  42  ", "\t[1]", "0x10", "0o17", "0b101", "1_000", "10**0" if False else "100",
    "(1, 'two', b'three', 4.0, None, True)", "{'nested': {'dict': (1, 2)}}", "-0.0", "1e309",
]
for s in GOOD:
    v = ast.literal_eval(s)
    print(repr(s), "->", type(v).__name__, repr(v))

print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(5)))
print(ast.literal_eval(ast.parse("(1, -2.5)", mode="eval").body))

BAD = [
    "x", "1 + x", "f()", "[i for i in y]", "{**a}", "1 * 2", "2 + 3", "'a' + 'b'", "1+2+3j",
    "-'s'", "not True", "lambda: 0", "a.b", "a[0]", "{1: 2}[1]", "set([1])", "frozenset()",
    "1 if 2 else 3", "(yield)", "...",
]
for s in BAD:
    try:
        print(repr(s), "->", repr(ast.literal_eval(s)))
    except ValueError as e:
        print(repr(s), "ValueError", re.sub(" at 0x[0-9a-f]+", "", str(e)))
    except SyntaxError as e:
        print(repr(s), "SyntaxError", e.msg)

for s in ["1 +", "[1,", "'unterminated", ")"]:
    try:
        ast.literal_eval(s)
    except SyntaxError as e:
        print(repr(s), "SyntaxError", e.msg, e.lineno, e.offset)
try:
    ast.literal_eval(5)
except ValueError as e:
    print("ValueError", e)
ast.literal_eval("[1, 2")
