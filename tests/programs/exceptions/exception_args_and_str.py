# args, str() and repr() of built-in exceptions with 0, 1 and several arguments.
for exc in (ValueError(), ValueError("one"), ValueError("a", 2), KeyError("k"), KeyError(), IndexError(3),
            RuntimeError(None), TypeError("x", "y", "z")):
    print(repr(exc), "|", str(exc), "|", exc.args, "|", len(exc.args))
e = Exception("msg")
print(isinstance(e, BaseException), type(e).__mro__[1:] == (BaseException, object))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError),
      issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError))
