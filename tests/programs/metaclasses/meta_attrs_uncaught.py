class Meta(type):
    def hello(cls):
        return "hello " + cls.__name__


class A(metaclass=Meta):
    pass


print(A.hello())
print(A().hello())
