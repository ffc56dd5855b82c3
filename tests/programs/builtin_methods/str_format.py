# str.format and str.format_map: numbering, lookups, conversions, nested specs, errors.
def check(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"
    def __str__(self):
        return "(" + str(self.x) + "|" + str(self.y) + ")"

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        return "$" + format(self.cents / 100, spec or ".2f")

class Table:
    def __getitem__(self, key):
        return "<" + str(key) + ">"

p = Point(3, 4)
print("{} and {}".format("this", "that"), "{0}{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0.x},{0.y} {p.x} {p!r} {p!s} {p}".format(p, p=p))
print("{0[0]} {1[-1]} {1[a]} {1[1]} {2[0][1]}".format("abc", {"a": "A", 1: "one", "-1": "m"}, [[1, 2]]))
print("{[0]} {.real} {!r:>6}|{:{}}|{:{}{}}|".format([9], 7, "s", "x", 5, "y", "^", 7))
print("{0:{1}}|{0:{a}}|{0!r:{1}}|".format("v", 6, a=">4"))
print("{{}} {{{}}} {}}}".format(1, 2), "{:}".format(5), "{0:}".format(6))
print("{!a} {!a} {!r}".format("é", "a\u20ac", "é"))
print("{:>10} {:^10.3f} {:+,d} {:x} {:#b}".format("right", 3.14159, 1234567, 255, 5))
print("{0} {0:.1f} {0:>8.2f}".format(Money(12345)))
print("{٣}".format(0, 1, 2, "three"), "{x[٠]}".format(x="q"))
print("{a}".format_map({"a": 5}), "{a.x}{b}".format_map({"a": p, "b": "!"}), "{k}".format_map(Table()))
print("{:d}".format(True), "{}".format(None), "{}".format([1, "a"]), "{0.real.imag}".format(2))
check("single {", lambda: "{".format())
check("single }", lambda: "}".format())
check("a}", lambda: "{0}}".format(1))
check("manual->auto", lambda: "{0}{}".format(1, 2))
check("auto->manual", lambda: "{}{0}".format(1, 2))
check("missing index", lambda: "{1}".format(1))
check("missing auto", lambda: "{}{}".format(1))
check("missing name", lambda: "{x}".format(y=1))
check("attr", lambda: "{0.nope}".format(1))
check("item", lambda: "{0[5]}".format([]))
check("item key", lambda: "{0[k]}".format({}))
check("str key", lambda: "{0[-1]}".format([1]))
check("conversion", lambda: "{0!x}".format(1))
check("conversion end", lambda: "{0!".format(1))
check("conversion colon", lambda: "{0!rr}".format(1))
check("conversion }", lambda: "{0!}".format(1))
check("spec unmatched", lambda: "{0:{1}".format(1, 2))
check("recursion", lambda: "{0:{1:{2}}}".format(1, 2, 3))
check("empty attr", lambda: "{0.}".format(1))
check("empty item", lambda: "{0[]}".format(1))
check("missing ]", lambda: "{0[}".format(1))
check("after ]", lambda: "{0[0]x}".format([1]))
check("brace in name", lambda: "{a{b}".format())
check("bad spec", lambda: "{:x}".format("s"))
check("none spec", lambda: "{:>5}".format(None))
check("map positional", lambda: "{}".format_map({}))
check("map missing", lambda: "{x}".format_map({}))
check("map int", lambda: "{x}".format_map(1))
check("format_map()", lambda: "a".format_map())
"{2}".format("a", "b")
