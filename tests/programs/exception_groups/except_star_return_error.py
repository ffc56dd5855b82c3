# 'return' directly inside an except* clause is a compile-time SyntaxError.
print("never printed")

def handle(g):
    try:
        raise g
    except* ArithmeticError as e:
        return len(e.exceptions)
