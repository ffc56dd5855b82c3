class NonData:
    def __get__(self, obj, owner):
        return "non-data from " + (type(obj).__name__ if obj is not None else "class")


class Data:
    def __get__(self, obj, owner):
        return "data"

    def __set__(self, obj, value):
        obj.__dict__["shadow_attempt"] = value


class K:
    nd = NonData()
    d = Data()
    plain = "class value"


k = K()
print(k.nd, K.nd, k.d, K.d, k.plain)
k.nd = "instance value"
k.d = "tried"
k.plain = "instance plain"
print(k.nd, k.d, k.plain, K.plain, sorted(k.__dict__))
del k.nd
print(k.nd)
k.__dict__["d"] = "in dict"
print(k.d)
print(vars(k) is k.__dict__, sorted(vars(k)))
