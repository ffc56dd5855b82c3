# Iterating, membership, counting and finding in strings.
s = "the rain in spain stays mainly in the plain"
print(s.count("ain"), s.count("in", 10), s.find("spain"), s.find("x"), s.rfind("in"), s.index("rain"))
print("ain" in s, "AIN" in s, s.startswith(("x", "the")), s.endswith("plain", 0, 43))
print([w for w in s.split() if "ai" in w], s.partition(" in "), s.rpartition(" in "))
print(max(s.split(), key=len), sorted(s.split())[:3], s.replace("ain", "AIN", 2))
print(list("abc"), [c for c in "héllo" if c > "e"], "".join(sorted("banana")))
