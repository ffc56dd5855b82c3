# An exception whose __str__ fails is still printed.
class Broken(Exception):
    def __str__(self):
        raise RuntimeError("no str")

try:
    raise Broken("x")
except Broken as b:
    print(repr(b))
raise Broken("unprintable")
