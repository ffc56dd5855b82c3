# Tools built on the tree: walk, NodeVisitor, iter_fields, get_docstring, get_source_segment,
# copy_location, increment_lineno, pickle/copy of nodes, match on nodes.
import ast
import copy
import pickle

src = '''"""Module doc."""
import os
def outer(a, b):
    """Outer doc.

    More text.
    """
    def inner():
        return a + b
    return inner
class K:
    "class doc"
    def method(self, x=é):
        return [y for y in x]
'''.replace("é", "'é'")
tree = ast.parse(src)
print(ast.get_docstring(tree), "|", ast.get_docstring(tree.body[1]), "|", ast.get_docstring(tree.body[2]))
print(ast.get_docstring(tree.body[1], clean=False))
print(sorted({type(n).__name__ for n in ast.walk(tree)}))


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []
        self.defs = []

    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))

    def visit_FunctionDef(self, node):
        self.defs.append((node.name, node.lineno, node.end_lineno))
        self.generic_visit(node)


c = Counter()
c.visit(tree)
print(c.names)
print(c.defs)
f = tree.body[2]
print(list(ast.iter_fields(f))[0], [type(n).__name__ for n in ast.iter_child_nodes(f)])
for node in ast.walk(tree):
    if isinstance(node, (ast.FunctionDef, ast.Return, ast.ListComp, ast.Constant)):
        print(type(node).__name__, repr(ast.get_source_segment(src, node)))
print(repr(ast.get_source_segment(src, tree.body[3], padded=True)))

new = ast.copy_location(ast.Name("z", ast.Load()), tree.body[1])
print(new.lineno, new.col_offset, new.end_lineno, new.end_col_offset)
ast.increment_lineno(tree, 100)
print(tree.body[1].lineno, tree.body[1].body[1].body[0].lineno)

n = ast.parse("x + 1").body[0].value
d = copy.deepcopy(n)
print(ast.dump(d, include_attributes=True), d is not n, d.op is n.op)
p = pickle.loads(pickle.dumps(n))
print(ast.dump(p, include_attributes=True))
print(type(n).__module__, type(n).__name__, type(n).__mro__)
match n:
    case ast.BinOp(left=ast.Name(id=name), op=ast.Add(), right=ast.Constant(value=v)):
        print("matched", name, v)
print(ast.Constant(5).n, ast.Constant("s").s)
print(ast.dump(ast.parse("x = 1"), annotate_fields=False))
print(ast.dump(ast.parse("x = 1"), indent="--"))
t = ast.parse("pass")
t.body.append(ast.Expr(ast.Constant(1)))
print(ast.dump(ast.fix_missing_locations(t), include_attributes=True))
