# center/ljust/rjust/zfill, strip family, expandtabs, removeprefix/removesuffix.
def check(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

for s in ["", "a", "ab", "abc", "héllo"]:
    for w in [-1, 0, 3, 4, 5, 6, 7, 8]:
        print(repr(s), w, repr(s.center(w)), repr(s.center(w, "*")), repr(s.ljust(w, "é")),
              repr(s.rjust(w, "-")), repr(s.zfill(w)))
for s in ["-42", "+42", "42", "--", "+", "-", "x-1"]:
    print(s.zfill(6), s.zfill(2))

for s in ["  abc  ", "\t\n abc \x1c\x1f", "xxabcxx", "", "abc", "\u3000é\u3000"]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("xa")),
          repr(s.lstrip("x")), repr(s.rstrip(None)), repr(s.strip("")))

for s in ["a\tb\tc", "ab\tc\n\td", "\t", "12345678\tx", "a\r\tb", "é\tx"]:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(0)),
          repr(s.expandtabs(-1)), repr(s.expandtabs(tabsize=3)))

print("abc".removeprefix("ab"), "abc".removeprefix("x"), "abc".removeprefix(""))
print("abc".removesuffix("bc"), "abc".removesuffix("abcd"), "abc".removesuffix(""))
check("center()", lambda: "a".center())
check("center 3", lambda: "a".center(1, 2, 3))
check("center kw", lambda: "a".center(width=3))
check("center str", lambda: "a".center("x"))
check("center fill", lambda: "a".center(3, "ab"))
check("center fillint", lambda: "a".center(3, 1))
check("center big", lambda: "a".center(10**20))
check("ljust float", lambda: "a".ljust(1.5))
check("zfill()", lambda: "a".zfill())
check("zfill kw", lambda: "a".zfill(width=1))
check("strip int", lambda: "a".strip(1))
check("rstrip 2", lambda: "a".rstrip("a", "b"))
check("expandtabs", lambda: "a".expandtabs(1, 2))
check("expandtabs kw", lambda: "a".expandtabs(x=1))
check("expandtabs big", lambda: "a".expandtabs(10**30))
check("removeprefix", lambda: "a".removeprefix(1))
"a".ljust(5, "")
