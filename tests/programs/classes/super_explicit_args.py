# super() with explicit arguments, and super() in classmethods.
class Base:
    @classmethod
    def create(cls):
        return f"Base.create for {cls.__name__}"

    def describe(self):
        return "base"


class Mid(Base):
    @classmethod
    def create(cls):
        return "Mid>" + super().create()

    def describe(self):
        return "mid>" + super(Mid, self).describe()


class Leaf(Mid):
    def describe(self):
        return "leaf>" + super(Mid, self).describe()


print(Leaf.create(), Mid.create())
print(Leaf().describe(), Mid().describe())
