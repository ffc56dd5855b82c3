# Only BaseException subclasses and instances can be raised.
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)


class NotAnError:
    pass


try:
    raise NotAnError
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError
except ValueError as e:
    print("class raised, instance caught:", repr(e), e.args)
raise "text"
