# pprint: formatting nested containers wider and narrower than the line width, with sorted
# dict keys, long strings that wrap, and the recursion-safe repr path.
import pprint
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

def make_data(k):
    return {
        "name": "entry number %d with a fairly long descriptive title" % k,
        "values": list(range(k % 30)),
        "matrix": [[i * j for j in range(6)] for i in range(k % 5 + 1)],
        "mapping": {"key%02d" % i: ("v" * (i % 7), i, None) for i in range(k % 9)},
        "flags": {k, k + 1, 3} if k % 2 else set(),
        "tuple": tuple(range(3)),
    }

data = [make_data(k) for k in range(8 if QUICK else 120)]
total = 0
checksum = 0
for width in (40, 80, 120):
    for _ in range(3):
        text = pprint.pformat(data, width=width)
        total += len(text) + text.count("\n")
        checksum = (checksum * 131 + sum(map(ord, text[::53]))) % 1000000007
print(total, checksum, pprint.saferepr(data[3])[:80], pprint.isreadable(data[5]))
