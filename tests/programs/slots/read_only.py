class Account:
    __slots__ = ("__balance", "owner")


print(sorted(k for k in Account.__dict__ if not k.startswith("__")))
print(repr(Account._Account__balance))


class _Hidden:
    __slots__ = ("__secret", "__dunder__")


print(sorted(k for k in _Hidden.__dict__ if "secret" in k or "dunder" in k))


class ReadOnly:
    __slots__ = ("value",)
    limit = 10

    def __init__(self, value):
        self.value = value


r = ReadOnly(3)
try:
    r.limit = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(r.limit, r.value)
