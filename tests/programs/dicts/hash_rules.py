class EqOnly:
    def __eq__(self, other):
        return True


print(EqOnly.__hash__)
for action in (lambda: hash(EqOnly()), lambda: {EqOnly(): 1}, lambda: {EqOnly()}, lambda: {}.get(EqOnly())):
    try:
        action()
    except TypeError as e:
        print(type(e).__name__, e)


class NoHash:
    __hash__ = None


try:
    {NoHash()}
except TypeError as e:
    print(type(e).__name__, e)


class Both:
    def __eq__(self, other):
        return isinstance(other, Both)

    def __hash__(self):
        return 7


class Inherits(Both):
    pass


class Overrides(Both):
    def __eq__(self, other):
        return False


print(hash(Both()), hash(Inherits()), len({Both(), Inherits()}))
try:
    hash(Overrides())
except TypeError as e:
    print(type(e).__name__, e)


class Huge:
    def __hash__(self):
        return 2 ** 100


class MinusOne:
    def __hash__(self):
        return -1


class Bad:
    def __hash__(self):
        return "nope"


print(hash(Huge()) == hash(2 ** 100), hash(MinusOne()))
d = {Huge(): 1, MinusOne(): 2}
print(len(d))
try:
    {Bad(): 1}
except TypeError as e:
    print(type(e).__name__, e)


class Plain:
    pass


p = Plain()
print({p: 1}[p], p in {p}, Plain() in {p})
