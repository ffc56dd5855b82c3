# tuple.count and tuple.index.
def check(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

t = (1, 2.0, True, "a", (1,), [2], 1)
print(t.count(1), t.count(2), t.count("a"), t.count((1,)), t.count([2]), t.count(None))
print(t.index(1), t.index(2), t.index(True), t.index(1, 1), t.index(1, -1), t.index("a", 0, 4))
print(t.index(1, -100, 100), t.index((1,), 2), ().count(1), tuple.count((1, 1), 1))

class Eq:
    def __eq__(self, other):
        print("  eq with", other)
        return other == 2
print((1, 2, 3).count(Eq()), (1, 2, 3).index(Eq()))
check("index", lambda: (1, 2).index(3))
check("index range", lambda: (1, 2).index(1, 1))
check("index()", lambda: ().index())
check("index slice", lambda: (1,).index(1, 1.5))
check("count()", lambda: ().count())
check("count kw", lambda: ().count(x=1))
check("unbound", lambda: tuple.index([1], 1))
(1, 2, 3).index(4)
