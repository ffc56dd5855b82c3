# atexit functions run at exit, last registered first, with their arguments; unregister
# removes every registration of a function.
import atexit


def bye(name, punct="!"):
    print("bye", name + punct)


def never():
    print("never printed")


atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
atexit.register(never)
atexit.register(never)
atexit.unregister(never)


@atexit.register
def decorated():
    print("decorated runs first")


print("main done")
raise SystemExit(4)
