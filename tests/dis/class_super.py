class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    @property
    def label(self):
        return self.kind + ":" + self.name


class Dog(Animal):
    kind = "dog"

    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)

    def speak(self):
        base = super().speak()
        return base + " (woof)"

    @staticmethod
    def species():
        return "canis"

    @classmethod
    def named(cls, name):
        return cls(name)


d = Dog.named("rex")
print(d.speak(), d.label, Dog.species(), isinstance(d, Animal))
