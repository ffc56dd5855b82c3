# Locals are released when a function returns, and temporaries when a statement ends.
class Loud:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("del", self.tag)

def make_and_drop():
    x = Loud("local")
    y = Loud("returned")
    return y

r = make_and_drop()
print("got", r.tag)
r = None
Loud("temporary").tag
print("after temporary")

def gen():
    l = Loud("in generator")
    yield 1
    yield 2

g = gen()
next(g)
print("generator suspended")
del g
print("generator gone")
