# An unhandled part of a group ends the program with the group's traceback box.
def inner():
    raise ExceptionGroup("inner problems", [ValueError("bad value"), TypeError("bad type")])

def outer():
    try:
        inner()
    except* ValueError:
        print("handled the ValueError")

outer()
