# Calling methods through the class, and forgetting self.
class Greeter:
    def __init__(self, name):
        self.name = name

    def hello(self, punct="!"):
        return "hello " + self.name + punct

    def broken():
        return "no self"


g = Greeter("ann")
print(Greeter.hello(g), Greeter.hello(g, "?"), g.hello())
print(Greeter.broken())
try:
    Greeter.hello()
except TypeError as e:
    print("TypeError:", e)
g.broken()
