# ast.parse modes, type comments, feature_version, and compile() with PyCF_ONLY_AST.
import ast

print(ast.dump(ast.parse("a + 1", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1", mode="single"), include_attributes=True))
print(ast.dump(ast.parse("if x:\n    y\n", mode="single")))
print(ast.dump(ast.parse("(int, *str, **dict) -> None", mode="func_type")))
print(ast.dump(ast.parse("() -> List[int]", mode="func_type"), include_attributes=True))
tc = """
x = []  # type: List[int]
def f(a,  # type: int
      b,
      ):
    # type: (...) -> None
    for i in a:  # type: int
        pass
    with a as b:  # type: str
        pass
y = 1  # type: ignore
z = 2  # type: ignore[assignment]  # more
"""
print(ast.dump(ast.parse(tc, type_comments=True), include_attributes=True))
print(ast.dump(ast.parse(tc)))
print(ast.dump(ast.parse("x = 1", feature_version=(3, 8))))
print(ast.dump(ast.parse(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n")))
print(ast.dump(ast.parse(b"\xef\xbb\xbfx = 1\n"), include_attributes=True))
t = compile("a = 1", "<s>", "exec", ast.PyCF_ONLY_AST)
print(type(t).__name__, ast.dump(t))
print(compile(t, "<s>", "exec", ast.PyCF_ONLY_AST) is t)
e = compile("1 + 2", "<s>", "eval", ast.PyCF_ONLY_AST)
print(eval(compile(e, "<s>", "eval")))
for bad in [("x", "f", "bad"), ("x", "f", "func_type")]:
    try:
        compile(*bad)
    except ValueError as ex:
        print("ValueError", ex)
try:
    compile("x", "f", "bad", ast.PyCF_ONLY_AST)
except ValueError as ex:
    print("ValueError", ex)
try:
    compile("x", "f", "exec", 0x800000000)
except ValueError as ex:
    print("ValueError", ex)
try:
    compile(5, "f", "exec")
except TypeError as ex:
    print("TypeError", ex)
