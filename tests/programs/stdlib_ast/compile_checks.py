# Checks CPython makes while compiling, not while parsing: future imports and __debug__.
import ast

tests = ['from __future__ import braces', 'from __future__ import nope', 'from __future__ import annotations, nope',
'x = 1\nfrom __future__ import annotations', '"doc"\nfrom __future__ import annotations\nfrom __future__ import division',
'def f():\n    from __future__ import annotations', 'import os\nfrom __future__ import braces',
'__debug__ = 1', 'del __debug__', 'def f(__debug__): pass', 'f(__debug__=1)', 'x.__debug__ = 1', 'import a as __debug__',
'for __debug__ in x: pass', 'lambda __debug__: 0', 'class __debug__: pass', 'def __debug__(): pass', '__debug__ += 1', 'x: int = __debug__', '(__debug__ := 1)', 'from a import b as __debug__', 'with a as __debug__: pass', 'def f(*, __debug__): pass', 'def f(**__debug__): pass', 'try: pass\nexcept E as __debug__: pass', 'global __debug__', 'print(__debug__)', 'x.__debug__', 'match x:\n case __debug__: pass', '[__debug__ for __debug__ in x]', 'from __future__ import barry_as_FLUFL', 'del x.__debug__', 'o.m(__debug__=2)', 'def f(a, *__debug__): pass']
for s in tests:
    try: compile(s, 'f', 'exec'); print(repr(s), 'OK')
    except SyntaxError as e: print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
for s in ['"""doc"""\n\nfrom __future__ import nested_scopes; import string; from __future__ import \\\n     nested_scopes\n',
          'from __future__ import division; import os; from __future__ import annotations',
          'import os; from __future__ import annotations',
          'from __future__ import division; from __future__ import annotations\nfrom __future__ import braces',
          '"doc"\n"not doc"\nfrom __future__ import division']:
    try:
        compile(s, 'f', 'exec')
        print('ok')
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
# The compiler's errors show the named file's line (none for a string or a missing file).
for s in ['return 1', 'def f():\n  x = 1\n  global x', 'nonlocal q', 'f(**a, *b)', 'break', 'x=1\nfrom __future__ import braces']:
    for name in ["<string>", __file__, "/nonexistent/file.py"]:
        try:
            compile(s, name, "exec")
        except SyntaxError as e:
            print(repr(e.msg), repr(e.text), e.lineno, e.offset)
# The same checks on trees from ast.parse.
for s in ["from __future__ import braces", "__debug__ = 1", "x = 1\nfrom __future__ import division"]:
    tree = ast.parse(s)
    try:
        compile(tree, "<tree>", "exec")
    except SyntaxError as e:
        print("tree:", e.msg, e.lineno, e.offset, e.end_offset, e.text)
ns = {}
exec('"doc"\nfrom __future__ import annotations\nx: undefined = 1\nr = __annotations__', ns)
print(ns["r"], __debug__)
exec("from __future__ import braces")
