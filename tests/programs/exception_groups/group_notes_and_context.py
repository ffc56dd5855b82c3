# Notes on groups and members, with a context chain, printed at exit.
try:
    raise OSError(2, "No such file", "data.csv")
except OSError as first:
    g = ExceptionGroup("load failed", [first, ValueError("bad row")])
    g.add_note("while loading the dataset")
    g.exceptions[1].add_note("row 17")
    raise g
