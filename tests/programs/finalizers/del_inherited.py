# __del__ is inherited, overridable, and can call the base finalizer via super().
class Base:
    def __del__(self):
        print("Base.__del__", type(self).__name__)

class Child(Base):
    pass

class Other(Base):
    def __del__(self):
        print("Other.__del__")
        super().__del__()

Child()
print("-")
Other()
print("-")
c = Child()
o = Other()
del c, o
print("done")
