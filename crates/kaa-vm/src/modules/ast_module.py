# `_ast`: the node classes of CPython 3.11 (generated part, ast_classes.py) on an `AST` base with
# CPython's constructor rules. `compile(..., PyCF_ONLY_AST)` does not build trees yet (it raises
# NotImplementedError), so `import ast` works while `ast.parse` does not.

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192


class AST:
    _fields = ()
    _attributes = ()

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError(
                f"{type(self).__name__} constructor takes at most {n} positional argument{'' if n == 1 else 's'}"
            )
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


AST.__module__ = "ast"
