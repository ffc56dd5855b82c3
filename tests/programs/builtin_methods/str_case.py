# str case conversions: full Unicode mappings, title case, final sigma.
def show(label, value):
    print(label, repr(value))

samples = [
    "", "hello World", "ΣΑΣ ΣΑΣ. Σ", "ΑΣ'Α", "ΌΣΟΣ", "aΣb", "Σ",
    "ßtraße İstanbul", "ǆUNGLA ǅungla ǄUNGLA", "ﬁsh ﬂour ﬀ", "ŉ ǰ ΐ",
    "hello world-foo o'neil 3rd", "ᾳ ᾼ ῼ", "Ωmega ω", "ǅ", "ꭰꭱ Ᏸ",
    "a\u0345b", "mixed 123 ÆØÅ æøå", "\u1e9e ẞ",
]
for s in samples:
    show("upper", s.upper())
    show("lower", s.lower())
    show("casefold", s.casefold())
    show("swapcase", s.swapcase())
    show("capitalize", s.capitalize())
    show("title", s.title())

# The unbound forms reach the same code.
print(str.upper("abc"), str.lower("ABC"), str.title("ab cd"))
print([c.upper() for c in "aäǆﬃ"])
print("ΣΣ".title(), "ΣA".lower(), "AΣ".lower(), "A.Σ".lower(), "AΣ.".lower())
"abc".upper(1)
