class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kwargs):
        print("prepare", name, sorted(kwargs))
        return {"_options": dict(kwargs)}

    def __new__(mcs, name, bases, ns, **kwargs):
        print("new", name, sorted(kwargs))
        return super().__new__(mcs, name, bases, ns)

    def __init__(cls, name, bases, ns, **kwargs):
        print("init", name, sorted(kwargs))
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        print("call", cls.__name__, args, kwargs)
        return super().__call__(*args, **kwargs)


class Model(metaclass=Meta, table="models", strict=True):
    def __init__(self, **fields):
        self.fields = fields


class User(Model, table="users"):
    pass


print(Model._options, User._options)
u = User(name="ann")
print(u.fields, type(u).__name__)
