# str.format with automatic, numbered and named fields, attributes and indexing.
class P:
    x = 3
    y = 4


print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age:>4d} years".format(name="bo", age=7))
print("{0[1]} {0[0]} {p.x},{p.y} {d[key]}".format(["first", "second"], p=P, d={"key": "val"}))
print("{:*^11}|{:+.2e}|{!r}|{:,}".format("mid", 12345.678, "q", 10 ** 7))
print("{{escaped}} {}".format("ok"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format(x=1)
except KeyError as e:
    print("KeyError:", e)
"{0} {}".format(1, 2)
