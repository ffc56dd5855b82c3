class Container:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"


print(Container[int], Container["x"])


class Meta(type):
    def __getitem__(cls, item):
        return ("meta getitem", cls.__name__, item)


class WithMeta(metaclass=Meta):
    def __class_getitem__(cls, item):
        return "class_getitem"


print(WithMeta[3])


class Sub(Container):
    pass


print(Sub[str])
