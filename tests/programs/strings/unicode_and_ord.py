# ord/chr round trips, non-ASCII lengths, comparisons and escapes.
text = "Grüße, Ελλάδα, 日本語, 🐍"
print(len(text), [ord(c) for c in text[:5]], text.upper(), text.lower())
print("".join(chr(ord(c) + 1) for c in "HAL"), chr(0x1F40D), ord("€"), ord("€") == 8364)
print(ascii(text), repr("🐍"), "\u00e9" == "é", "\N{GREEK SMALL LETTER ALPHA}")
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts, key=lambda k: (-counts[k], k)))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
