# Regular expressions: compiled patterns with groups, alternation, classes, repetition and
# backtracking, used through search, findall, finditer, sub (with a function) and split over a
# generated log text.
import re
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

WORDS = ["alpha", "beta", "gamma", "delta", "error", "warning", "info", "user42", "x-ray", "zeta"]

def make_log(lines):
    out = []
    for i in range(lines):
        w = WORDS[i % len(WORDS)]
        out.append("2024-%02d-%02d %02d:%02d:%02d [%s] host%d.example.com: %s id=%d email=%s@mail%d.org took %d.%03dms"
                   % (i % 12 + 1, i % 28 + 1, i % 24, i % 60, (i * 7) % 60, w.upper(), i % 17, w, i * 31,
                      w, i % 5, i % 900, i % 1000))
    return "\n".join(out)

text = make_log(60 if QUICK else 3000)
stamp = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})")
level = re.compile(r"\[(ERROR|WARNING|INFO)\]")
email = re.compile(r"\b([a-z][\w.-]*)@([a-z0-9-]+)\.(org|com|net)\b")
number = re.compile(r"\d+(?:\.\d+)?ms")
host = re.compile(r"host(\d+)\.example\.com")
tricky = re.compile(r"(\w+)\s+id=(\d+).*?took (\d+)")

totals = [0] * 8
for _ in range(4):
    totals[0] += sum(int(m.group(2)) for m in stamp.finditer(text))
    totals[1] += len(level.findall(text))
    totals[2] += sum(len(user) for user, dom, tld in email.findall(text))
    totals[3] += len(number.sub("N", text))
    totals[4] += len(host.sub(lambda m: "h" + str(int(m.group(1)) * 2), text))
    totals[5] += sum(int(m.group(3)) for m in tricky.finditer(text))
    totals[6] += len(re.split(r"[\s:=@]+", text))
    totals[7] += sum(1 for line in text.splitlines() if re.match(r"2024-0[1-6]", line))
print(totals)
