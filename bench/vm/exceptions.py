# Exceptions: raise/except in a loop, custom classes, finally, re-raise and chaining.


class AppError(Exception):
    pass


class ParseError(AppError):
    def __init__(self, text, pos):
        super().__init__(f"bad input at {pos}")
        self.text = text
        self.pos = pos


def parse_digit(s, pos):
    c = s[pos]
    if c < "0" or c > "9":
        raise ParseError(s, pos)
    return ord(c) - 48


def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return -1
    finally:
        pass


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return 0


data = "12a45b78c9"
errors = 0
total = 0
finals = 0
for i in range(300000):
    try:
        total += parse_digit(data, i % 10)
    except AppError as e:
        errors += 1
        total += e.pos
    finally:
        finals += 1
    total += safe_div(i, i % 5)

d = {"a": 1, "b": 2}
miss = 0
for i in range(300000):
    miss += lookup(d, "c" if i % 2 else "a")

chained = 0
for i in range(150000):
    try:
        try:
            raise ValueError(i)
        except ValueError as e:
            raise AppError("wrapped") from e
    except AppError as e:
        if e.__cause__ is not None:
            chained += 1
print("exceptions", errors, total, finals, miss, chained)
