# split/rsplit/splitlines/partition/rpartition/join.
def check(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

texts = ["", "   ", "a b  c", "  a  b  c  ", "a,b,,c,", ",a,", "aaa", "a\x1cb\x1fc\u3000d\x85e\u200bf", "x"]
for t in texts:
    print(repr(t), t.split(), t.rsplit())
    for n in [-1, 0, 1, 2]:
        print("  ", n, t.split(None, n), t.rsplit(None, n), t.split(",", n), t.rsplit(",", n))
    print("  ", t.split("a"), t.rsplit("aa"), t.split(sep=","), t.rsplit(maxsplit=1))

lines = "x\r\ny\rz\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029w\n\nend"
print(lines.splitlines())
print(lines.splitlines(True), lines.splitlines(keepends=True), lines.splitlines(False))
print("".splitlines(), "\n".splitlines(), "a\n".splitlines(True), "\r\n\r".splitlines(1))

for t in ["a.b.c", "abc", ".", "", "é.é"]:
    print(t.partition("."), t.rpartition("."))

print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "é".join(("1", "2")))
print(" ".join({"k": 1, "j": 2}), "+".join([x * 2 for x in "ab"]))
check("join int", lambda: "".join(1))
check("join items", lambda: "-".join(["a", 2]))
check("split int", lambda: "a".split(1))
check("split kw", lambda: "a".split(x=1))
check("split both", lambda: "a".split(" ", sep=" "))
check("split many", lambda: "a".split(" ", 1, 2))
check("split kwmany", lambda: "a".split(maxsplit=1, sep=None, x=1))
check("split maxsplit", lambda: "a b".split(None, "1"))
check("splitlines", lambda: "a".splitlines(1, 2))
check("splitlines kw", lambda: "a".splitlines(keepends="x"))
check("partition", lambda: "a".partition(1))
check("rpartition", lambda: "a".rpartition(""))
"a b".split("")
