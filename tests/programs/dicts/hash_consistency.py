print(hash(1) == hash(1.0) == hash(True), {1: "int", 1.0: "float", True: "bool"})
print({(1, 2): "a"}[(1.0, 2.0)], {0: "zero"}[False], {"s": 1}.get("s"))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-1), hash(-2), hash(2 ** 100) == hash(2 ** 100 % (2 ** 61 - 1)))
print(hash(()) == hash(()), hash((1,)) == hash((1,)), hash(frozenset()) == hash(frozenset()))


class Big:
    def __hash__(self):
        return 2 ** 64 + 5


class Neg:
    def __hash__(self):
        return -(2 ** 64)


print(hash(Big()) == hash(2 ** 64 + 5), hash(Neg()) == hash(-(2 ** 64)))


class BoolHash:
    def __hash__(self):
        return True


print(hash(BoolHash()))


class FloatHash:
    def __hash__(self):
        return 1.5


try:
    hash(FloatHash())
except TypeError as e:
    print(type(e).__name__, e)
