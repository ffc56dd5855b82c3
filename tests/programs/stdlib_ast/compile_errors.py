# compile() of malformed trees: CPython's conversion and validation errors.
import ast

P = dict(lineno=1, col_offset=0)


def name(id="x", ctx=None):
    return ast.Name(id, ctx or ast.Load(), **P)


def check(tree, mode="exec"):
    try:
        compile(tree, "<ast>", mode)
        print("ok")
    except (TypeError, ValueError, SyntaxError, OverflowError, SystemError, RecursionError) as e:
        print(type(e).__name__, e)


def mod(*stmts):
    return ast.Module(list(stmts), [])


def expr_stmt(e):
    return ast.Expr(e, **P)


check(mod(ast.Expr(ast.Name("x", ast.Load()))))
check(mod(expr_stmt(ast.Name("x", ast.Load()))))
check(mod(expr_stmt(name(ctx=ast.Store()))))
check(mod(expr_stmt(1)))
check(mod(expr_stmt(None)))
check(mod(ast.Expr(**P)))
check(mod(1))
check(mod(None))
check(ast.Module((), []))
check(ast.Module([]))
check(ast.Expression(ast.Constant(1, **P)))
check(ast.Expression(ast.Constant(1, **P)), "single")
check(ast.Expression(ast.Constant([1], **P)), "eval")
check(ast.Expression(ast.Constant(None, **P)), "eval")
check(ast.Expression(ast.Constant(**P)), "eval")
check(ast.Expression(ast.Name(1, ast.Load(), **P)), "eval")
check(ast.Expression(ast.Name(None, ast.Load(), **P)), "eval")
check(ast.Expression(ast.Name("None", ast.Load(), **P)), "eval")
check(ast.Expression(ast.Name("x", 1, **P)), "eval")
check(ast.Expression(ast.Name("x", ast.Load, **P)), "eval")
check(ast.Expression(ast.Name("x", ast.Load(), lineno="a", col_offset=0)), "eval")
check(ast.Expression(ast.Name("x", ast.Load(), lineno=1.5, col_offset=0)), "eval")
check(ast.Expression(ast.Name("x", ast.Load(), lineno=2**40, col_offset=0)), "eval")
check(ast.Expression(ast.Name("x", ast.Load(), lineno=3, col_offset=0, end_lineno=2, end_col_offset=0)), "eval")
check(ast.Expression(ast.Name("x", ast.Load(), lineno=3, col_offset=5, end_lineno=3, end_col_offset=2)), "eval")
check(ast.Expression(ast.Name("x", ast.Load(), lineno=-3, col_offset=-5, end_lineno=-3, end_col_offset=2)), "eval")
check(ast.Expression(ast.BinOp(ast.Constant(1, **P), None, None, **P)), "eval")
check(ast.Expression(ast.BinOp(ast.Constant(1, **P), ast.Add(), None, **P)), "eval")
check(ast.Expression(ast.BoolOp(ast.And(), [name()], **P)), "eval")
check(ast.Expression(ast.Compare(name(), [], [], **P)), "eval")
check(ast.Expression(ast.Compare(name(), [ast.Lt()], [name(), name()], **P)), "eval")
check(ast.Expression(ast.Dict([name()], [], **P)), "eval")
check(ast.Expression(ast.ListComp(name(), [], **P)), "eval")
check(ast.Expression(ast.List([None], ast.Load(), **P)), "eval")
check(ast.Expression(ast.List((), ast.Load(), **P)), "eval")
check(ast.Expression(ast.Starred(name(ctx=ast.Store()), ast.Load(), **P)), "eval")
check(ast.Expression(ast.BinOp(name(ctx=ast.Store()), ast.Add(), name(), **P)), "eval")
check(ast.Expression(ast.NamedExpr(ast.Attribute(name(), "a", ast.Store(), **P), name(), **P)), "eval")
check(ast.Expression(ast.FormattedValue(name(), 5, None, **P)), "eval")
check(ast.Expression(ast.Lambda(ast.arguments([], [], None, [], [], None, [ast.Constant(1, **P)]), name(), **P)), "eval")
check(ast.Expression(ast.Lambda(ast.arguments([], [], None, [ast.arg("k", **P)], [], None, []), name(), **P)), "eval")
check(ast.Expression(ast.Lambda(ast.arguments([], [ast.arg("a")], None, [], [], None, []), name(), **P)), "eval")
check(mod(ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, []), [], [], **P)))
check(mod(ast.If(name(), [], [], **P)))
check(mod(ast.While(name(), [ast.Pass(**P)], [None], **P)))
check(mod(ast.Try([ast.Pass(**P)], [], [], [], **P)))
check(mod(ast.Try([ast.Pass(**P)], [], [ast.Pass(**P)], [ast.Pass(**P)], **P)))
check(mod(ast.Raise(None, name(), **P)))
check(mod(ast.ImportFrom("x", [ast.alias("y", **P)], -1, **P)))
check(mod(ast.ImportFrom("x", [ast.alias("y")], 0, **P)))
check(mod(ast.ImportFrom("x", [], 0, **P)))
check(mod(ast.Import([], **P)))
check(mod(ast.Global([], **P)))
check(mod(ast.Delete([], **P)))
check(mod(ast.Assign([], name(), **P)))
check(mod(ast.Assign([name()], name(), **P)))
check(mod(ast.AugAssign(name(ctx=ast.Store()), ast.Add, name(), **P)))
check(mod(ast.AnnAssign(ast.Attribute(name(), "a", ast.Store(), **P), name(), None, 1, **P)))
check(mod(ast.With([], [ast.Pass(**P)], **P)))
check(mod(ast.For(name(), name(), [ast.Pass(**P)], [], **P)))
check(mod(ast.ClassDef("C", [], [], [], [], **P)))
check(mod(expr_stmt(ast.Constant(True, kind=5, **P))))
check(mod(expr_stmt(ast.Constant("s", kind="u", **P))))
check(mod(expr_stmt(ast.Constant((1, (2.5, "x"), b"y", None, ..., 1j), **P))))
check(mod(expr_stmt(ast.Constant((1, [2]), **P))))
check(ast.Module([expr_stmt(name())], None))
check(ast.Module([expr_stmt(name())], [ast.TypeIgnore(1, "x")]))
check(ast.Module([expr_stmt(name())], [ast.TypeIgnore(1, 2)]))
check(ast.Name("x", ast.Load(), **P))
check(ast.AST())
check(ast.FunctionType([], ast.Constant(1, **P)), "exec")
check(mod(ast.Match(name(), [], **P)))


def case(pattern):
    return mod(ast.Match(name(), [ast.match_case(pattern, None, [ast.Pass(**P)])], **P))


PP = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=0)
check(case(ast.MatchAs(None, "_", **PP)))
check(case(ast.MatchAs(ast.MatchAs(None, None, **PP), None, **PP)))
check(case(ast.MatchAs(None, None, lineno=1, col_offset=0)))
check(case(ast.MatchStar("x", **PP)))
check(case(ast.MatchSequence([ast.MatchStar("x", **PP)], **PP)))
check(case(ast.MatchOr([ast.MatchAs(None, "y", **PP)], **PP)))
check(case(ast.MatchSingleton(1, **PP)))
check(case(ast.MatchValue(ast.Constant(True, **P), **PP)))
check(case(ast.MatchValue(name(), **PP)))
check(case(ast.MatchValue(ast.Constant(1, **P), **PP)))
check(case(ast.MatchClass(ast.Constant(1, **P), [], [], [], **PP)))
check(case(ast.MatchClass(name(), [], ["a"], [], **PP)))
check(case(ast.MatchMapping([ast.Constant(1, **P)], [], None, **PP)))
check(case(ast.MatchMapping([], [], "_", **PP)))

deep = name()
for _ in range(3000):
    deep = ast.UnaryOp(ast.Not(), deep, **P)
check(ast.Expression(deep), "eval")
try:
    ast.parse("-" * 500 + "x")
    print("parsed 500")
except (RecursionError, MemoryError, SyntaxError) as e:
    print(type(e).__name__, e)
bad = mod(expr_stmt(name(ctx=ast.Del())))
compile(bad, "<final>", "exec")
