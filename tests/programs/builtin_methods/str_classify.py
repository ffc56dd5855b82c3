# str.is*() over ASCII and Unicode samples (CPython's Unicode 14.0 classes).
samples = [
    "", "abc", "ABC", "Abc Def", "abc1", "123", "١٢٣", "²³", "½", "一二三", "Ⅻ",
    " \t\n", "\x1c\x1d\x1e\x1f", "\u3000\u2028", "\u200b", "a b", "_id", "1id", "idé", "ǅ",
    "ǅungla", "Hello World", "Hello world", "HELLO ǅ", "héllo", "\x7f", "tab\t",
    "ꭰ", "Ǆ", "x\u0301", "\U0001d7d9", "ab\u00adcd", "\u2160", "\u00b5",
]
methods = ["isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier",
           "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper"]
for s in samples:
    flags = []
    for m in methods:
        flags.append("1" if getattr(s, m)() else "0")
    print(repr(s), "".join(flags))

# Every code point below 0x3000 through each classifier, summarized.
for m in methods:
    total = 0
    weighted = 0
    for cp in range(0x3000):
        if getattr(chr(cp), m)():
            total += 1
            weighted = (weighted * 31 + cp) % 1000003
    print(m, total, weighted)
"abc".isalpha(1)
