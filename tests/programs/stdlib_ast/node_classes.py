import ast
import sys

print(ast.PyCF_ONLY_AST, ast.Name._fields, ast.Name._attributes, ast.BinOp.__match_args__)
print(issubclass(ast.Add, ast.operator), issubclass(ast.Module, ast.mod), ast.expr.__bases__)
tree = ast.Module(
    body=[ast.Expr(ast.BinOp(ast.Constant(1), ast.Add(), ast.Name("x", ast.Load())))],
    type_ignores=[],
)
print(ast.dump(tree))
print(ast.dump(ast.Call(ast.Name("f", ast.Load()), [ast.Constant("a")], [])))
try:
    ast.Name("a", ast.Load(), 3)
except TypeError as e:
    print("TypeError", e)
n = ast.Name(id="y")
print(n.id, hasattr(n, "ctx"))
match ast.BinOp(ast.Constant(2), ast.Mult(), ast.Constant(3)):
    case ast.BinOp(ast.Constant(a), ast.Mult(), ast.Constant(b)):
        print("product", a * b)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
