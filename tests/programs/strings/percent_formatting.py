# printf-style % formatting.
print("%d items at %.2f each = %8.3f" % (3, 1.5, 4.5))
print("%s|%r|%5s|%-5s|%05d|%x|%X|%o|%e|%%" % ("s", "r", "ab", "ab", 42, 255, 255, 8, 12345.678))
print("%(name)s is %(age)d" % {"name": "ann", "age": 7}, "%c%c" % (72, "i"), "%+d % d" % (5, 5))
print("%s" % [1, 2], "%s" % (None,), "%.3s" % "abcdef", "%*d" % (5, 42))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
"%s %s" % ("only one",)
