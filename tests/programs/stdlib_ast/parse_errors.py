# SyntaxErrors from ast.parse have CPython's attributes; errors that only the compiler reports
# (return outside a function, ...) are not raised by ast.parse.
import ast

BAD = [
    "x = ", "f(", "1 +* 2", "def f(:\n", "class\n", "a = 1 = 2", "f(x for x in y, 1)", "del f()",
    "x = 'unterminated", "  indented", "if x:\npass", "for x in 1,2 3: pass", "a b", "print 'x'",
    "f(**x, *y)", "x := 1", "lambda: (yield)", "é = (", "'é' + €",
    "match x:\n    case {**r, 'k': 1}: pass\n", "try:\n    pass\n", "def f(a, a=1, b): pass",
    "f'{'", "f'{!r}'", "0b2", "1__0", "nonlocal = 1", "None = 1", "def f(*): pass",
]
for src in BAD:
    try:
        ast.parse(src)
        print("parsed", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text), e.filename)

for src in ["from __future__ import braces", "__debug__ = 1", "x = 1\nfrom __future__ import annotations"]:
    print(ast.dump(ast.parse(src)))
GOOD_FOR_PARSER = ["return 1", "yield x", "await x", "break", "continue", "nonlocal x",
                   "def f(a, a): pass", "async def f():\n    yield from x"]
for src in GOOD_FOR_PARSER:
    print(ast.dump(ast.parse(src)))
    try:
        compile(src, "<c>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("compile:", e.msg, e.lineno)
try:
    ast.parse("x = 1\0")
except (SyntaxError, ValueError) as e:
    print(type(e).__name__, e)
# Outside exec mode the input gets no final newline: errors on an unterminated last line.
for src in ["1 + )", "a b", "(", "x\ny z", "1 +", "f(", "a b\n", "x\ny", "x; y\nz\n", "x\n\n\ny\n"]:
    for mode in ["eval", "single"]:
        try:
            ast.parse(src, mode=mode)
        except SyntaxError as e:
            print(repr(src), mode, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
ast.parse("def broken(:\n    pass\n", filename="<my file>")
