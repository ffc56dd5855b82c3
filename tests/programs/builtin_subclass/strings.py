# Subclasses of str and bytes.
class Name(str):
    def shout(self):
        return self.upper() + "!"

n = Name("ada")
print(n, repr(n), len(n), n[0], n[1:], n + "x", "x" + n, n * 2, n.shout(), type(n.upper()).__name__)
print(n == "ada", "ada" == n, n < "b", hash(n) == hash("ada"), "d" in n, list(n), n.startswith("a"))
print({n: 1}["ada"], {"ada": 2}[n], f"{n}|{n!r}|{n:>5}", "%s" % n, str(n), type(str(n)).__name__)
print(",".join([n, "b"]), n.split("d"), n.replace("a", "A"), sorted([Name("b"), "a"]))
n.extra = 1
print(n.extra, isinstance(n, str), issubclass(Name, str), Name.__mro__)

class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
    def __len__(self):
        return 99
    def __getitem__(self, i):
        return "item"
u = Upper("abc")
print(u, len(u), u[0], str.__len__(u), str.__getitem__(u, 0), u.lower())

class Tag(bytes):
    pass
t = Tag(b"xy")
print(t, len(t), t[0], t + b"z", t.decode(), t == b"xy", type(t).__name__, bytes(t))

class Path(str):
    __slots__ = ()
    def __truediv__(self, other):
        return Path(self + "/" + other)
p = Path("a") / "b" / "c"
print(p, type(p).__name__)
try:
    Name("a") + 1
except TypeError as e:
    print(type(e).__name__, e)
