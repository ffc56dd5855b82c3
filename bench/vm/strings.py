# String building: f-strings, str.join, concatenation, formatting and a few methods.


def render_row(i, name, value):
    return f"{i:5d} | {name:<10} | {value:>12.3f} | {i % 7!r}"


def build_report(n):
    names = ["alpha", "beta", "gamma", "delta", "epsilon"]
    rows = []
    for i in range(n):
        rows.append(render_row(i, names[i % 5], i * 1.25))
    return "\n".join(rows)


def concat(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
        if len(s) > 200:
            s = s[100:]
    return s


def words(n):
    out = []
    for i in range(n):
        w = "w" + str(i) + "-" + str(i * 3)
        out.append(w.upper().replace("W", "x"))
    return " ".join(out)


report = build_report(200000)
checksum = 0
for ch in report[:5000]:
    checksum = (checksum * 31 + ord(ch)) % 1000003
text = words(200000)
parts = text.split(" ")
print("strings", len(report), checksum, len(concat(1000000)), len(parts), parts[-1], len(report.split("gamma")))
