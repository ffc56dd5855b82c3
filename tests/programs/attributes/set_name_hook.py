class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name

    def __repr__(self):
        return f"Field({self.owner}.{self.name})"


class Model:
    id = Field()
    title = Field()


print(Model.id, Model.title)
Dyn = type("Dyn", (), {"x": Field()})
print(Dyn.x)
late = Field()
Model.late = late
print(hasattr(late, "name"))


class Reused:
    shared = Field()
    alias = shared


print(Reused.shared, Reused.alias, Reused.shared is Reused.alias)


class Recorder:
    calls = []

    def __set_name__(self, owner, name):
        Recorder.calls.append(name)


class Many:
    a = Recorder()
    b = Recorder()
    c = 5


print(Recorder.calls)
