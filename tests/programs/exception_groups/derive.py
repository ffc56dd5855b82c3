# split/subgroup build their parts with derive(); attributes are copied onto the parts.
class Tagged(ExceptionGroup):
    def __new__(cls, message, excs, tag=None):
        self = super().__new__(cls, message, excs)
        self.tag = tag
        return self

    def __init__(self, message, excs, tag=None):
        super().__init__(message, excs)

    def derive(self, excs):
        return Tagged(self.message, excs, self.tag)

g = Tagged("tagged", [ValueError(1), TypeError(2)], tag="T")
g.add_note("a note")
try:
    raise g
except Tagged as caught:
    pass
m, r = g.split(ValueError)
print(type(m).__name__, m.tag, repr(m), m.__notes__, r.__notes__)
print(m.__traceback__ is g.__traceback__, m.__notes__ is g.__notes__)
plain = ExceptionGroup("p", [ValueError(1)])
d = plain.derive([TypeError(9)])
print(type(d).__name__, repr(d))
d = plain.derive([KeyboardInterrupt()])
print(type(d).__name__, repr(d))

class NoDerive(ExceptionGroup):
    pass

m, r = NoDerive("n", [ValueError(1), TypeError(2)]).split(ValueError)
print(type(m).__name__, type(r).__name__)

class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42

try:
    BadDerive("b", [ValueError(1), TypeError(2)]).split(ValueError)
except TypeError as e:
    print("TypeError", e)
c = ValueError("cause")
ctx = KeyError("ctx")
g2 = ExceptionGroup("g2", [ValueError(1), TypeError(2)])
g2.__cause__ = c
g2.__context__ = ctx
m, r = g2.split(TypeError)
print(m.__cause__ is c, m.__context__ is ctx, r.__suppress_context__)
