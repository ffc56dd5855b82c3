# ast.unparse renders trees as CPython does, and the text parses back to the same tree.
import ast

SOURCES = [
    "x = 1", "a, b = b, a", "del a[1:2, ::3], b.c", "x: int = 5", "print(*args, sep='', **kw)",
    "def f(a, /, b=2, *args, c, d=4, **kw) -> 'r':\n    return a if b else c",
    "async def f():\n    async for x in y:\n        await z\n    async with a as b:\n        pass",
    "class C(A, B, metaclass=M):\n    '''doc'''\n    x = 1\n    def m(self):\n        super().m()",
    "@a\n@b.c(d)\ndef f(): pass", "lambda x, *y, z=1, **w: (x, y)",
    "try:\n    a\nexcept E as e:\n    b\nexcept* F:\n    c\nelse:\n    d\nfinally:\n    e" if False else
    "try:\n    a\nexcept E as e:\n    b\nelse:\n    d\nfinally:\n    e",
    "try:\n    a\nexcept* F:\n    c",
    "with a as b, c as (d, e):\n    pass", "while x:\n    break\nelse:\n    continue",
    "for i in range(10):\n    if i % 2:\n        continue\n    elif i:\n        pass\n    else:\n        break",
    "x = [i * 2 for i in range(5) if i]", "{k: v for k, v in d.items()}", "{x for x in s}",
    "(x for x in g)", "f(x for x in g)", "f'{a!r:>{w}} and {b=}'", "f'{x:%H:%M}'", "rb'\\d'",
    "x = 'it\\'s' + \"q\\\"\" + '''tri'''", "a = -1 ** 2", "a = (-1) ** 2", "a = not (b and c or d)",
    "a = b if c else (d if e else f)", "x = (yield)", "x = yield from y", "global a, b",
    "import a.b as c, d", "from ..x import (y as z, w)", "from . import m", "raise E from F",
    "assert x, 'm'", "x @= y", "print((a := 1))", "a[1:2, 3]", "a[()]", "a[(1, 2)]", "a[1,]",
    "match p:\n    case [1, *r] | {'k': v, **kw} if v:\n        pass\n    case P(x=0) as p:\n        pass\n    case -1 | 1 + 2j | None:\n        pass",
    "x = 1e400", "x = -1e400j", "x = 10 ** 100", "x = (1, 2)", "x = ()", "x = (1,)", "x = {**a, 'b': 1}",
    "x = b'\\x00\\xff'", "x = '\\u20ac\\n\\t'", "x = ...", "x = a < b < c", "x = a is not b",
    "x = ~a + -b - +c", "x = a[b][c](d).e", "x = (a, *b)", "*a, b = c", "x = 1 if y else 2",
    "def f():\n    nonlocal_ = 1\n    return", "x = f'{a}' 'b' f'{c!s}'", "x = u'u'",
]
for src in SOURCES:
    tree = ast.parse(src)
    out = ast.unparse(tree)
    print(out)
    print(ast.dump(ast.parse(out)) == ast.dump(tree))
print(ast.unparse(ast.BinOp(ast.Constant(1), ast.Add(), ast.Name("x", ast.Load()))))
print(ast.unparse(ast.Constant(value=frozenset())))
print(ast.unparse(ast.parse("(int, str) -> bool", mode="func_type")))
