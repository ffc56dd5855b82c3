# Module globals are finalized at exit, in the order they were defined.
class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

first = C("first")
_private = C("_private")
second = C("second")
print("end of program")
