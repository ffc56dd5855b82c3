# A plain exception through except* that raises inside the clause.
try:
    raise ValueError("plain")
except* ValueError:
    raise KeyError("replacement")
