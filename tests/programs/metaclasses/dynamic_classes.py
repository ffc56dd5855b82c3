def make_class(name, **attrs):
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

    ns = {"__init__": __init__, **attrs}
    return type(name, (), ns)


Cat = make_class("Cat", sound="meow", legs=4)
c = Cat(name="tom")
print(type(c).__name__, c.name, c.sound, Cat.legs)
Kitten = type("Kitten", (Cat,), {"sound": "mew"})
print(Kitten(name="k").sound, Kitten.legs, Kitten.__mro__)
classes = [type(f"C{i}", (), {"n": i}) for i in range(3)]
print([(k.__name__, k.n) for k in classes])
print(type(Cat) is type, Cat.__module__, Cat.__qualname__)
Multi = type("Multi", (Kitten, object), {})
print([k.__name__ for k in Multi.__mro__])
try:
    type("Bad", (Cat, Cat), {})
except TypeError as e:
    print(type(e).__name__, e)
