class Config:
    __slots__ = ("host", "port")
    default_port = 80

    def __init__(self, host, port=None):
        self.host = host
        self.port = port if port is not None else self.default_port

    def __repr__(self):
        return f"Config({self.host!r}, {self.port})"


c = Config("example")
print(c, Config.default_port, c.default_port)
Config.default_port = 8080
print(Config("x"))
print(sorted(n for n in dir(c) if not n.startswith("_")))
print(hasattr(c, "__dict__"), hasattr(Config, "__dict__"))
print([getattr(c, s) for s in Config.__slots__])
copy = Config.__new__(Config)
for s in Config.__slots__:
    setattr(copy, s, getattr(c, s))
print(copy, copy is c)
try:
    vars(c)
except TypeError as e:
    print(type(e).__name__, e)
