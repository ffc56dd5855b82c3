# The argument checks of BaseExceptionGroup.__new__ and the class it picks.
def attempt(label, make):
    try:
        r = make()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("no args", lambda: ExceptionGroup())
attempt("one arg", lambda: ExceptionGroup("x"))
attempt("three args", lambda: ExceptionGroup("x", [], 3))
attempt("int message", lambda: ExceptionGroup(1, [ValueError()]))
attempt("empty", lambda: ExceptionGroup("x", []))
attempt("not a sequence", lambda: ExceptionGroup("x", 5))
attempt("set", lambda: ExceptionGroup("x", {ValueError()}))
attempt("non-exception item", lambda: ExceptionGroup("x", [ValueError(), 1]))
attempt("class item", lambda: ExceptionGroup("x", [ValueError]))
attempt("base exception inside", lambda: ExceptionGroup("x", [KeyboardInterrupt()]))
attempt("base group of exceptions", lambda: BaseExceptionGroup("x", [ValueError(1)]))
attempt("base group of base", lambda: BaseExceptionGroup("x", [KeyboardInterrupt()]))
attempt("tuple", lambda: ExceptionGroup("x", (ValueError(1), TypeError(2))))
attempt("keyword", lambda: ExceptionGroup("x", exceptions=[ValueError()]))
attempt("keyword ok count", lambda: ExceptionGroup("x", [ValueError()], extra=1))
attempt("str of items", lambda: ExceptionGroup("x", "ab"))

class MyGroup(ExceptionGroup):
    pass

class MyBaseGroup(BaseExceptionGroup):
    pass

attempt("subclass with base exc", lambda: MyGroup("x", [KeyboardInterrupt()]))
attempt("subclass", lambda: MyGroup("x", [ValueError()]))
attempt("base subclass", lambda: MyBaseGroup("x", [ValueError()]))
print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
