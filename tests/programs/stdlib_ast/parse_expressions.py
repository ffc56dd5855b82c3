# Every expression kind with positions, constants of every type, contexts and operators.
import ast

EXPRS = [
    "a and b and c", "a or (b and c)", "(x := 5)", "a + b - c * d / e // f % g ** h @ i",
    "a << b >> c | d ^ e & f", "-a", "+a", "~a", "not a", "lambda: 0", "lambda x, y=1, *a, k, **kw: x",
    "a if b else c", "{}", "{1: 2, **d, 'k': v}", "{1, 2, *s}", "[x for x in y if x if z for w in x]",
    "{x for x in y}", "{k: v for k, v in d.items()}", "(x for x in y)", "f(x for x in y)",
    "a < b <= c > d >= e == f != g is h is not i in j not in k", "f()", "f(a, *b, c=d, **e)",
    "f(a)(b)(c)", "a.b.c", "a[b]", "a[b:c]", "a[b:c:d]", "a[:]", "a[::2]", "a[b, c:d]", "a[*b]",
    "[a, *b]", "(a, *b)", "()", "(1,)", "[]", "1", "1.5", "1e100", "1j", "1.5j", "0x1f", "1_000_000",
    "10**100", "'s'", "u'u'", "b'b'", "'a' 'b'", "b'a' b'b'", "...", "None", "True", "False",
    "'\\N{BULLET} \\x00 \\u1234'", "r'\\d'", "'''multi\nline'''", "await x", "yield", "yield x", "yield from x",
    "a.b[c](d).e", "[*a, *b]", "{**a, **b}", "x if y else (lambda: z)",
]
for src in EXPRS:
    tree = ast.parse(src, mode="eval")
    print(ast.dump(tree, include_attributes=True))

t = ast.parse("x = 1; y = x; del z; x + y")
ctxs = [n.ctx for n in ast.walk(t) if isinstance(n, ast.Name)]
print([type(c).__name__ for c in ctxs])
print(ctxs[1] is ast.parse("a").body[0].value.ctx, ctxs[0] is ctxs[1], ast.Load() is ast.Load())
ops = [n.op for n in ast.walk(ast.parse("a + b + c")) if isinstance(n, ast.BinOp)]
print(ops[0] is ops[1], type(ops[0]).__name__)
for n in ast.walk(ast.parse("1; 1.5; 2j; 's'; b'b'; ...; None; True; 10**30; 123456789012345678901234567890")):
    if isinstance(n, ast.Constant):
        print(type(n.value).__name__, repr(n.value), n.kind)
print(ast.parse("u'x'").body[0].value.kind, ast.parse("'x'").body[0].value.kind)
print(vars(ast.parse("x").body[0].value))
print(vars(ast.parse("x").body[0]).keys())
print(ast.parse("f(a=1)").body[0].value.keywords[0].__dict__.keys())
