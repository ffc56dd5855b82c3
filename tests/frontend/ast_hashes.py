"""For each file named on the command line: a digest of `ast.dump(ast.parse(source),
include_attributes=True)`, of `ast.unparse` of the tree, and whether the tree compiles.
crates/kaa/tests/ast_parity.rs runs this under python3 and under Kaa and compares the lines."""
import ast
import hashlib
import sys


def digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


for path in sys.argv[1:]:
    with open(path, "rb") as f:
        source = f.read()
    try:
        tree = ast.parse(source, path, type_comments=path.endswith("typing.py"))
        dumped = digest(ast.dump(tree, include_attributes=True))
        unparsed = digest(ast.unparse(tree))
        compile(tree, path, "exec")
        print(path, dumped, unparsed, "compiles")
    except Exception as e:
        print(path, type(e).__name__, e)
