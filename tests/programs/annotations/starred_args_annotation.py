# PEP 646: a starred annotation on *args is the single item the value unpacks to.
class Ts:
    def __iter__(self):
        return iter(["unpacked"])
Ts = Ts()
def f(*args: *Ts): pass
print(f.__annotations__)
def g(*args: *[1, 2]): pass
