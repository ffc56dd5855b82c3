# Methods reached through the type (unbound, class and static methods) and as bound objects.
def check(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

up = "abc".upper
print(up(), str.upper("xyz"), str.join("-", ["a", "b"]), list.count([1, 1], 1), tuple.index((5, 6), 6))
append = [].append
append(1)
l = [0]
list.append(l, 1)
list.extend(l, (2, 3))
print(l, dict.get({"k": "v"}, "k"), int.bit_length(255), float.is_integer(2.0), range.index(range(5), 3))
print(dict.fromkeys("ab", 0), {}.fromkeys([1]), str.maketrans("a", "b"), "".maketrans("x", "y"), float.fromhex("0x1p3"))
print(bool.bit_length(True), (5).bit_length(), 3.5.hex(), [m for m in ["upper", "lower"] if hasattr("", m)])
print(getattr("abc", "title")(), getattr([3, 1], "index")(1), hasattr({}, "popitem"), hasattr(1, "hex"))
print(range(0, 20, 3).count(9), range(0, 20, 3).count(10), range(10, 0, -2).index(4), range(5).count(2.0), range(5).index(True))
check("unbound none", lambda: str.upper())
check("unbound type", lambda: str.upper(5))
check("unbound center", lambda: str.center(5))
check("unbound list", lambda: list.append(1, 2))
check("unbound dict", lambda: dict.items([]))
check("unbound float", lambda: float.hex(True))
check("range index", lambda: range(3).index(5))
check("range index str", lambda: range(3).index("a"))
check("range count()", lambda: range(3).count())
check("no method", lambda: "a".nope)
check("no type method", lambda: str.nope)
str.lower(None)
