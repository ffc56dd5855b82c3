# Trees changed in Python (NodeTransformer, hand-built nodes) compile and run.
import ast


class ConstDoubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int) and not isinstance(node.value, bool):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


class RenameCalls(ast.NodeTransformer):
    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id == "shout":
            node.func = ast.Name("print", ast.Load())
        return node


src = """
def add(a, b=10):
    return a + b + 1
total = 0
for i in range(3):
    total += add(i)
shout("total", total, add(5))
print([x * 3 for x in (1, 2)], {k: v for k, v in [(1, 2)]})
"""
tree = ast.parse(src)
tree = ConstDoubler().visit(tree)
tree = RenameCalls().visit(tree)
ast.fix_missing_locations(tree)
code = compile(tree, "<transformed>", "exec")
ns = {}
exec(code, ns)
print(sorted(k for k in ns if not k.startswith("__")))

# Built by hand, then located.
body = [
    ast.Assign([ast.Name("x", ast.Store())], ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7))),
    ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Name("x", ast.Load()), ast.Constant("done")], [])),
    ast.If(ast.Compare(ast.Name("x", ast.Load()), [ast.Gt()], [ast.Constant(40)]),
           [ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("big")], []))], []),
    ast.FunctionDef("sq", ast.arguments([], [ast.arg("n")], None, [], [], None, []),
                    [ast.Return(ast.BinOp(ast.Name("n", ast.Load()), ast.Pow(), ast.Constant(2)))], [], None),
    ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Call(ast.Name("sq", ast.Load()), [ast.Constant(9)], [])], [])),
    ast.ClassDef("K", [], [], [ast.Assign([ast.Name("a", ast.Store())], ast.Constant(frozenset({1})))], []),
    ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Attribute(ast.Name("K", ast.Load()), "a", ast.Load())], [])),
]
module = ast.fix_missing_locations(ast.Module(body, type_ignores=[]))
exec(compile(module, "<built>", "exec"), {})

expr = ast.Expression(ast.Lambda(ast.arguments([], [ast.arg("q")], None, [], [], None, []),
                                 ast.Tuple([ast.Name("q", ast.Load()), ast.Constant(None)], ast.Load())))
f = eval(compile(ast.fix_missing_locations(expr), "<lam>", "eval"))
print(f(5))

inter = ast.fix_missing_locations(ast.Interactive([ast.Expr(ast.Constant("shown by displayhook"))]))
exec(compile(inter, "<single>", "single"))

# Positions survive into tracebacks.
t = ast.parse("x = 1\n\ny = 1 / 0\n")
ast.increment_lineno(t, 10)
print([n.lineno for n in t.body])
try:
    exec(compile(t, "<moved>", "exec"))
except ZeroDivisionError as e:
    print("line", e.__traceback__.tb_next.tb_lineno)

# Round trip through unparse and back.
src2 = "async def f(*, a=1):\n    async with x as y:\n        return [i async for i in y]\n"
t2 = ast.parse(src2)
print(ast.dump(ast.parse(ast.unparse(t2))) == ast.dump(t2))
code2 = compile(t2, "<t2>", "exec")
print(type(code2).__name__)
