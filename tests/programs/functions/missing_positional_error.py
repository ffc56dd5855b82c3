# An uncaught wrong call ends the program with CPython's message.
class Greeter:
    def greet(self, name, punctuation):
        return "hi " + name + punctuation


g = Greeter()
print(g.greet("bo", "!"))
print(g.greet("al"))
