# Common str methods on realistic text.
line = "  The quick brown fox, the lazy dog.  "
words = line.strip().rstrip(".").replace(",", "").split()
print(words)
print(line.strip().lower().startswith("the"), line.endswith("  "), line.lstrip()[:9])
print("-".join(w.capitalize() for w in words), " ".join(w for w in words[::-1]))
print("a,b,,c".split(","), "a b  c".split(), "k=v=w".split("=", 1), "x".split(","))
print("Hello".upper(), "Hello".lower(), "hello world".title(), "Hello".swapcase())
print("abc".isalpha(), "123".isdigit(), "a1".isalnum(), "   ".isspace(), "Title Case".istitle())
print("banana".index("n"), "banana".rindex("a"), "ban" in "banana")
print("x".center(7, "."), "42".zfill(6), "-42".zfill(6), "ab".ljust(5, "_") + "|", "ab".rjust(5) + "|")
print("tab\tsep".expandtabs(4), "a\nb\r\nc".splitlines())
print(repr("quote's"), repr('dq"'), repr("both'\""), repr("\n\t\\"), repr("é ü \x00"))
