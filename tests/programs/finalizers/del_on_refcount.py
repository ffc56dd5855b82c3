# __del__ runs as soon as the last reference goes away.
class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = C("a")
print("before del")
del a
print("after del")
b = C("b")
b = C("b2")
print("rebound")
b = None
print("set to None")

def f():
    local = C("local")
    print("in f")
f()
print("after f")
[C("temp") for _ in range(2)]
print("after comprehension")
