# match statements: every pattern kind, as parsed.
import ast

src = '''
match command.split():
    case [action]:
        pass
    case [action, obj, *rest] if obj:
        pass
    case ["go", ("north" | "south") as direction]:
        pass
    case {"x": 1, "y": y, **others}:
        pass
    case Point(x=0, y=0) | Point(1, 2, z=3):
        pass
    case a.b.C():
        pass
    case None | True | False:
        pass
    case -1 | 1.5 | -2j | 1 + 2j | 3 - 4j | "s" | b"b" | f"f":
        pass
    case (1, 2) | [] | ():
        pass
    case {1: _, "k": [*_]}:
        pass
    case _:
        pass
'''
print(ast.dump(ast.parse(src), include_attributes=True, indent=1))
print(ast.dump(ast.parse("match x:\n    case y: pass\n")))
print(ast.unparse(ast.parse(src)))
