# Node objects: construction rules, class defaults, singletons, deprecated aliases, weakrefs.
import ast
import warnings
import weakref

warnings.simplefilter("ignore", DeprecationWarning)
print(ast.FunctionDef.__doc__)
print(ast.expr.__doc__.splitlines()[0], ast.AST.__doc__)
print(ast.Load.__module__, ast.AST.__module__, ast.Name.__qualname__, repr(ast.Name)[:16])
f = ast.FunctionDef()
print(f.returns, f.type_comment, hasattr(f, "name"), hasattr(f, "body"))
print(ast.arg("x").annotation, ast.arg("x").end_lineno, ast.keyword(value=1).arg, ast.alias("a").asname)
print(ast.ImportFrom().level, ast.ImportFrom().module, ast.Constant(1).kind)
try:
    ast.MatchAs().lineno
except AttributeError as e:
    print("AttributeError", e)
print(ast.expr().end_lineno, hasattr(ast.pattern(), "end_lineno"))
n = ast.Name("x", ast.Load(), lineno=3, extra="kw")
print(n.id, n.lineno, n.extra, sorted(vars(n)))
for bad in [lambda: ast.Name("a", ast.Load(), 3), lambda: ast.Pass(1), lambda: ast.Load(2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(type(ast.Num(5)).__name__, isinstance(ast.Constant(5), ast.Num), isinstance(ast.Constant("s"), ast.Num))
print(isinstance(ast.Constant("s"), ast.Str), isinstance(ast.Constant(b"b"), ast.Bytes),
      isinstance(ast.Constant(None), ast.NameConstant), isinstance(ast.Constant(...), ast.Ellipsis))
print(ast.Str("x").s, ast.Num(3).n, type(ast.Index(5)).__name__)
t = ast.parse("a + b * c - d")
ops = [type(x.op).__name__ for x in ast.walk(t) if isinstance(x, ast.BinOp)]
print(ops)
r = weakref.ref(t.body[0])
print(r() is t.body[0])
print(ast.Load() == ast.Load(), ast.Load() is ast.Load())
x, y = ast.parse("x; y").body
print(x.value.ctx is y.value.ctx, type(x.value.ctx) is ast.Load)
print(isinstance(t, ast.AST), isinstance(t, ast.mod), issubclass(ast.Name, ast.expr))
print(ast.Name._fields, ast.Name._attributes, ast.Name.__match_args__, ast.comprehension._attributes)
print([c.__name__ for c in ast.expr_context.__subclasses__()])
print(len([c for c in vars(ast).values() if isinstance(c, type) and issubclass(c, ast.AST)]))
