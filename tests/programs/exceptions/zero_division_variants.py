# Division and modulo by zero for ints and floats, each message.
cases = [
    ("int /", lambda: 1 / 0),
    ("int //", lambda: 1 // 0),
    ("int %", lambda: 1 % 0),
    ("float /", lambda: 1.0 / 0),
    ("float //", lambda: 1.0 // 0.0),
    ("float %", lambda: 1.5 % 0.0),
    ("divmod", lambda: divmod(7, 0)),
    ("pow", lambda: 0 ** -1),
    ("big", lambda: (10 ** 30) // 0),
]
for name, fn in cases:
    try:
        fn()
    except ZeroDivisionError as e:
        print(name, "->", e)
