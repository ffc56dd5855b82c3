def upper_attrs(name, bases, ns, **kwargs):
    print("called with", name, bases, kwargs)
    new_ns = {k if k.startswith("__") else k.upper(): v for k, v in ns.items()}
    return type(name, bases, new_ns)


class Thing(metaclass=upper_attrs, extra=1):
    size = 3
    color = "red"


print(Thing.SIZE, Thing.COLOR, hasattr(Thing, "size"))


def not_a_class(name, bases, ns):
    return 42


class Answer(metaclass=not_a_class):
    pass


print(Answer)
