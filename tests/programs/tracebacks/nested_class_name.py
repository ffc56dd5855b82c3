# Exception classes defined in classes are printed by qualified name.
class Outer:
    class Problem(Exception):
        pass

try:
    raise Outer.Problem("p")
except Exception as e:
    print(type(e).__qualname__, repr(e))
raise Outer.Problem("uncaught")
