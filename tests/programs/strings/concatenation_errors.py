# Mixing str with other types.
print("a" + "b", "ab" * 3, 3 * "x", "-" * 0, "z" * -2)
for thunk in (lambda: "a" + 1, lambda: 1 + "a", lambda: "a" * "b", lambda: "a" - "b", lambda: "a" * 2.0):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)
print("n=" + str(5) + ", f=" + str(2.50) + ", b=" + str(True) + ", none=" + str(None))
print("abc" < "abd", "Z" < "a", "" < "a", "abc" == "abc", "a" != "b")
"abc" < 3
