# Nested groups with notes, printed as boxes within boxes.
def leaf(n):
    try:
        raise ValueError(f"leaf {n}")
    except ValueError as e:
        e.add_note(f"note for leaf {n}")
        return e

inner = ExceptionGroup("inner", [leaf(1), KeyError("k")])
try:
    raise inner
except ExceptionGroup as e:
    inner = e
outer = ExceptionGroup("outer", [inner, leaf(2), ZeroDivisionError("z")])
outer.add_note("outer note\nsecond line")
raise outer
