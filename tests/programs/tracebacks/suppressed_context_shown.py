# Setting __suppress_context__ back to False shows the context again.
try:
    try:
        {}["x"]
    except KeyError:
        raise ValueError("second") from None
except ValueError as e:
    e.__suppress_context__ = False
    raise
