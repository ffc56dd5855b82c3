# Class attributes are shared until an instance shadows them.
class Config:
    debug = False
    registry = []

    def enable(self):
        self.debug = True

    def register(self, name):
        self.registry.append(name)


a = Config()
b = Config()
a.enable()
a.register("x")
b.register("y")
print(a.debug, b.debug, Config.debug)
print(a.registry, b.registry is a.registry)
Config.debug = "changed"
print(a.debug, b.debug)
del a.debug
print(a.debug)
print(sorted(k for k in vars(a)), "debug" in vars(Config))
