# The name bound by "except ... as e" is deleted at the end of the handler.
e = "before"
try:
    1 / 0
except ZeroDivisionError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)


def f():
    try:
        raise ValueError("v")
    except ValueError as exc:
        pass
    return exc


f()
