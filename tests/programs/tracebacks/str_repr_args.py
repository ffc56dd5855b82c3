# BaseException.__str__ and __repr__ for every number of arguments.
for args in [(), (1,), ("msg",), (1, 2), ("a", "b", "c"), ((1, 2),), ([],)]:
    for cls in (Exception, ValueError, KeyError, BaseException):
        e = cls(*args)
        print(cls.__name__, repr(str(e)), repr(e), e.args)
print(BaseException.__str__(ValueError(1, 2)), BaseException.__repr__(KeyError("x")))
class Custom(Exception):
    def __str__(self):
        return "custom: " + super().__str__()
    def __repr__(self):
        return "Custom<" + super().__repr__() + ">"
c = Custom("a", 1)
print(str(c), repr(c))
class Plain(Exception):
    pass
print(str(Plain()), repr(Plain("x")), repr(Plain(1, 2)))
e = ValueError(1)
e.args = ("changed", 2)
print(e, repr(e))
