# Invalid except* types are TypeErrors raised when the clause is tested.
def attempt(kind):
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* kind:
            print("caught")
    except Exception as e:
        print(type(e).__name__, e)

attempt(ExceptionGroup)
attempt(BaseExceptionGroup)
attempt((ValueError, ExceptionGroup))
attempt(int)
attempt("ValueError")
attempt(ValueError)
