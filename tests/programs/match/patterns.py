class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(v):
    match v:
        case None:
            return "none"
        case True | False as flag:
            return f"bool {flag}"
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num:
            return f"number {num}"
        case "hello" | "hi":
            return "greeting"
        case str(s):
            return f"string of {len(s)}"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [first, *rest] if len(rest) > 2:
            return f"long list from {first}, {len(rest)} more"
        case (a, b):
            return f"pair {a},{b}"
        case [a, b, *_]:
            return f"starts {a} {b}"
        case {"type": "user", "name": name, **extra}:
            return f"user {name} extra={extra}"
        case {"type": t}:
            return f"typed {t}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case _:
            return "something else"

for value in [None, True, 0, -5, 3.5, 7, "hi", "world", [], [9], [1, 2, 3, 4], (1, 2), [1, 2, 3],
              {"type": "user", "name": "ada", "id": 1}, {"type": "admin"}, {"other": 1},
              Point(0, 0), Point(0, 4), Point(2, 2), Point(1, 5), object]:
    print(describe(value))

match {"a": 1, "b": [1, 2, {"c": 3}]}:
    case {"b": [_, _, {"c": deep}]}:
        print("deep", deep)

command = "go north"
match command.split():
    case ["go", direction]:
        print("going", direction)
    case ["quit"]:
        print("bye")
