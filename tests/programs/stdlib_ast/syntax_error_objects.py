# SyntaxError objects from compile() and made by hand: members, args, str, repr.
import ast

for src, mode in [("a b", "exec"), ("x = (1 +\n", "exec"), ("  x", "exec"), ("if x:\nreturn", "exec"),
                  ("1 +", "eval"), ("f'{'", "exec"), ("\tif x:\n        y\n\tz", "exec")]:
    try:
        compile(src, "/some/dir/file.py", mode)
    except SyntaxError as e:
        print(type(e).__name__, str(e), repr(e))
        print(e.args)
        print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, e.print_file_and_line)

for args in [(), ("m",), ("m", ("/a/b/f.py", 3, 2, "abc", 3, 4)), ("m", ("f.py", None, 2, "abc")),
             ("m", (None, 5, 2, "abc")), (1, 2, 3), ("m", ["f", 1, 2, "t"])]:
    e = SyntaxError(*args)
    print(repr(str(e)), e.args, e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
for bad in [("m", (1, 2)), ("m", 5), ("m", (1, 2, 3, 4, 5, 6, 7))]:
    try:
        SyntaxError(*bad)
    except TypeError as e:
        print("TypeError", e)
e = IndentationError("x")
print(e.msg, e.lineno, isinstance(e, SyntaxError), str(e))
e = SyntaxError("m", ("f", 1, 2, "t", 1, 3))
e.lineno = 7
print(str(e), e.lineno)
try:
    ast.parse("x = = 1", "<parsed>")
except SyntaxError as e:
    print(str(e), e.args)
exec("def f(:\n    pass\n")
