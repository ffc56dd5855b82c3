# __notes__ set by hand to a list holding a non-str: printed with str().
e = KeyError("key")
e.__notes__ = ["a str note", 42, ["nested"]]
raise e
