# Messages and reprs with special characters; group of one group.
g = ExceptionGroup("quote ' and \" and \n newline", [ValueError("x\ty")])
print(str(g))
print(repr(g))
single = ExceptionGroup("outer", [ExceptionGroup("inner", [KeyError("k")])])
print(single, repr(single))
print(BaseExceptionGroup("m", [ValueError()]).__class__.__name__)
print(ExceptionGroup("", [ValueError()]))
raise single
