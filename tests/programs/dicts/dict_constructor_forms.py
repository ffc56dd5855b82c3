print(dict(), dict(a=1), dict([("a", 1), ("b", 2)]), dict({"x": 1}, y=2))
print(dict(zip("abc", range(3))), dict(((i, i * i) for i in range(3))))
d = {"k": 1}
print(dict(d.items()), dict(d), dict(d) is d)


class Mapping:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, k):
        return k * 2


print(dict(Mapping()))
for bad in ([1, 2], [("a",)], 5):
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
