# A registry filled by __init_subclass__, and class-level counters.
class Plugin:
    registry = {}
    created = 0

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[cls.__name__.lower()] = cls

    def __init__(self):
        Plugin.created += 1
        self.id = Plugin.created

    def run(self):
        return f"{type(self).__name__}#{self.id}"


class Csv(Plugin):
    pass


class Json(Plugin):
    def run(self):
        return super().run().upper()


print(sorted(Plugin.registry))
print(Plugin.registry["csv"]().run(), Plugin.registry["json"]().run(), Plugin.created)
print(type(Csv()).__mro__[1].__name__, Csv.__bases__[0] is Plugin)
