# Errors in finalizers are ignored; the program's own uncaught error still decides the exit.
class C:
    def __del__(self):
        raise KeyError("in del")

c = C()
del c
print("continuing")
raise SystemExit(3)
