# A class binding a name that a nested function takes from the enclosing function (the class
# passes the cell through), and := in a comprehension binding a name declared global.
def test():
    method_and_var = "var"
    class Test:
        def method_and_var(self):
            return "method"
        def test(self):
            return method_and_var
        def actual_global(self):
            return str("global")
        def str(self):
            return str(self)
    t = Test()
    print(t.test(), t.method_and_var(), t.actual_global())
    print(Test.__dict__['test'].__code__.co_freevars)
test()
def outer():
    x = 1
    class C:
        x = 2
        def f(self):
            return x
        y = x
    return C().f(), C.y, C.x
print(outer())
G = None
def f():
    global G
    [G := i for i in range(3)]
    return G
print(f(), G)
def g():
    x = 0
    [x := i for i in range(4)]
    return x
print(g())
[M := j for j in range(2)]
print(M)
