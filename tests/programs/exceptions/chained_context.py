def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("bad input")

parse("x")
