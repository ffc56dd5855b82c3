# A user-defined group class is printed with its own name.
class ValidationErrors(ExceptionGroup):
    def derive(self, excs):
        return ValidationErrors(self.message, excs)

errors = ValidationErrors("2 fields invalid", [ValueError("name is empty"), TypeError("age is not an int")])
try:
    raise errors
except* TypeError as t:
    print(type(t).__name__, repr(t))
