# find/rfind/index/rindex/count/startswith/endswith with ranges, tuples and Unicode.
def check(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

s = "héllo wörld, hello world"
for sub in ["l", "lo", "ö", "", "world", "xyz", "héllo"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub))
    for start, end in [(0, None), (3, None), (-5, None), (2, 9), (-100, 100), (30, 40), (5, 2), (None, -3)]:
        print(" ", start, end, s.find(sub, start, end), s.rfind(sub, start, end),
              s.count(sub, start, end), s.startswith(sub, start, end), s.endswith(sub, start, end))

print("abc".count(""), "abc".count("", 1), "abc".count("", 3), "abc".count("", 5))
print("abc".find("", 3), "abc".find("", 4), "abc".rfind(""), "aaaa".count("aa"))
print("abc".find("c", 10**30), "abc".find("a", -10**30), "abc".rfind("b", None, 10**20))
print("abc".startswith(("x", "a")), "abc".endswith(("x", "y")), "abc".startswith(()))
print("abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("c", 0, 3))
print("abc".startswith(("a", 1)), "héllo".startswith("ll", 2), "héllo".endswith(("x", "ll"), 0, 4))
print("abc".index("b"), "abcb".rindex("b"), "abc".index("", 1), "a" in "abc")

class Index:
    def __index__(self):
        return 1

print("abc".find("b", Index()), "abc".count("c", True))
check("count()", lambda: "a".count())
check("count(1)", lambda: "a".count(1))
check("count slice", lambda: "a".count("a", "x"))
check("count 4", lambda: "a".count("a", 1, 2, 3))
check("find kw", lambda: "a".find("a", start=1))
check("find float", lambda: "a".find("a", 1.5))
check("index", lambda: "abc".index("d"))
check("rindex", lambda: "abc".rindex("d", 1))
check("startswith int", lambda: "a".startswith(1))
check("startswith tuple", lambda: "a".startswith(("x", 1)))
check("endswith list", lambda: "a".endswith(["a"]))
check("startswith none", lambda: "a".startswith())
"abc".index("z")
