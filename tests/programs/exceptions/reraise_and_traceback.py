# A bare raise re-raises the exception being handled; the uncaught one ends the program.
def load(name):
    try:
        return {"a": 1}[name]
    except KeyError:
        print("logging missing", name)
        raise


print(load("a"))
try:
    load("b")
except KeyError as e:
    print("caller saw", repr(e))
load("zzz")
