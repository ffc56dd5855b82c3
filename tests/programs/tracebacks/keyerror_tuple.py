# KeyError shows the repr of its key, including tuples and empty strings.
for key in ["", (1, 2), (), None, "multi\nline"]:
    try:
        {}[key]
    except KeyError as e:
        print(repr(str(e)), repr(e))
{}[(1, "x")]
