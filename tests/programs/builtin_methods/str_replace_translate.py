# replace (with count), translate (dicts, sequences, mapping classes), maketrans.
def check(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

for s in ["", "abc", "abcabc", "aaaa", "héllo"]:
    for old, new in [("a", "X"), ("", "-"), ("bc", ""), ("aa", "b"), ("l", "LL"), ("zz", "y")]:
        print(repr(s), repr(old), repr(new), repr(s.replace(old, new)),
              repr(s.replace(old, new, 1)), repr(s.replace(old, new, 0)), repr(s.replace(old, new, -2)))

table = str.maketrans("abc", "xyz", "q")
print(sorted(table.items()))
print("aabbccqq".translate(table), "abc".translate({97: None, 98: "xy", 99: 0x1F600}))
print("abc".translate([]), "abc".translate("xyz"), "abc".translate(["x"] * 98), "é!".translate({233: "e"}))
print(str.maketrans({"a": "1", 98: None}), "".maketrans("a", "b"))
print(sorted(str.maketrans({"a": 1, 2: "b"}).items()))

class Logger:
    def __init__(self):
        self.calls = []
    def __getitem__(self, key):
        self.calls.append(key)
        if key == 98:
            raise LookupError(key)
        if key == 100:
            return "DD"
        return key + 1

t = Logger()
print("abcabcaa".translate(t), t.calls)
t = Logger()
print("aadaa".translate(t), t.calls)

check("replace 1", lambda: "a".replace("a"))
check("replace int", lambda: "a".replace(1, "b"))
check("replace new", lambda: "a".replace("a", 1))
check("replace count", lambda: "a".replace("a", "b", "c"))
check("translate()", lambda: "a".translate())
check("translate int", lambda: "a".translate(1))
check("translate float", lambda: "a".translate({97: 1.5}))
check("translate range", lambda: "a".translate({97: 0x110000}))
check("translate neg", lambda: "a".translate({97: -1}))
check("maketrans()", lambda: str.maketrans())
check("maketrans int", lambda: str.maketrans(1))
check("maketrans key", lambda: str.maketrans({"ab": 1}))
check("maketrans keytype", lambda: str.maketrans({1.5: 1}))
check("maketrans first", lambda: str.maketrans(1, "c"))
check("maketrans third", lambda: str.maketrans("a", "c", 1))
check("maketrans kw", lambda: str.maketrans("a", "b", x=1))
str.maketrans("ab", "c")
