class Root:
    pass


class A(Root):
    pass


class B(Root):
    pass


class C(A, B):
    pass


def names(classes):
    return [c.__name__ for c in classes]


print(names(Root.__subclasses__()), names(A.__subclasses__()), names(B.__subclasses__()), names(C.__subclasses__()))


def all_subclasses(cls):
    out = []
    for sub in cls.__subclasses__():
        out.append(sub)
        out.extend(all_subclasses(sub))
    return out


print(names(all_subclasses(Root)))
print(int.__subclasses__() == [bool])
T = type("T", (A,), {})
print(names(A.__subclasses__()))
print(type.__subclasses__(A) == A.__subclasses__())
