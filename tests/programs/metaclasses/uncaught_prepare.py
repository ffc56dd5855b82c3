class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        if kw.get("fail"):
            raise ValueError(f"refusing to prepare {name}")
        return {}


class Ok(metaclass=Meta):
    pass


print("Ok made", type(Ok).__name__)


class Broken(metaclass=Meta, fail=True):
    pass
