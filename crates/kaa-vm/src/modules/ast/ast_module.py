# `_ast`: the node classes of CPython 3.11 (generated part, ast_classes.py) on an `AST` base with
# CPython's constructor rules. Trees are made and read by Rust (mod.rs): `compile(...,
# PyCF_ONLY_AST)` builds node objects without calling `__init__`, `compile(tree, ...)` reads them.

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
