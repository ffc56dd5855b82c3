match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, y=2) | Point(3, 4):
        pass
    case {"key": value, **rest}:
        pass
    case [1, 2, *others] if others:
        pass
    case (1 | 2 | 3) as n:
        pass
    case -1 | 1.5 | 2j | -3 + 4j | "s" | b"b" | None | True | False:
        pass
    case Color.RED | a.b.c:
        pass
    case {1: _, "x": [*_]}:
        pass
    case _:
        pass
match = 1
case = match
match(x)
match[0]
match x, y:
    case a, b: pass
