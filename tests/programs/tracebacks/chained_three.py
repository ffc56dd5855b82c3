# Three exceptions chained by cause and context, printed oldest first.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise TypeError("not a number") from e

def load(text):
    try:
        return parse(text)
    except TypeError:
        raise RuntimeError("load failed")

load("abc")
