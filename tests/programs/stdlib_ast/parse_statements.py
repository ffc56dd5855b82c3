# Every statement kind, dumped with positions, as ast.parse builds it.
import ast

SOURCES = [
    "def f(a, b=1, *c, d, e=2, **g) -> int:\n    '''doc'''\n    return a\n",
    "def f(a, /, b, *, c):\n    pass\n",
    "async def g():\n    await x\n    async for i in y:\n        pass\n    else:\n        pass\n    async with a as b, c:\n        pass\n",
    "@d1\n@d2.attr(1)\nclass C(B1, B2, metaclass=M, **kw):\n    x: int\n    y: 'str' = 'y'\n    (z): int = 3\n",
    "return\nreturn 1, 2\n",
    "del a, b[0], c.d\n",
    "a = b = c\na, *b = c\n[a, b] = c\na.b = c[1:2] = 3\n",
    "a += 1\na -= 1\na *= 1\na @= 1\na /= 1\na %= 1\na **= 1\na <<= 1\na >>= 1\na |= 1\na ^= 1\na &= 1\na //= 1\n",
    "for i, j in x:\n    continue\nelse:\n    break\n",
    "while x:\n    pass\nelse:\n    pass\n",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
    "with a as (b, c), d:\n    pass\nwith (open(x) as f, open(y) as g):\n    pass\n",
    "raise\nraise E\nraise E from F\n",
    "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
    "try:\n    pass\nexcept* E:\n    pass\nexcept* (F, G) as g:\n    pass\n",
    "assert x\nassert x, 'msg'\n",
    "import a\nimport a.b.c as d, e\n",
    "from a import b\nfrom .a import b as c, d\nfrom ... import x\nfrom .. a import (y, z,)\nfrom m import *\n",
    "def f():\n    global a, b\n    def g():\n        nonlocal a\n",
    "x\n1\npass\n",
    "if x: a; b\n",
    "class C: pass\nclass D(): pass\n",
]
for src in SOURCES:
    print(ast.dump(ast.parse(src), include_attributes=True))
    print(ast.dump(ast.parse(src), indent=2))
