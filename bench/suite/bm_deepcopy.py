# copy.deepcopy of nested structures: dicts, lists, tuples, sets, instances with __dict__,
# shared references and a cycle (the memo must preserve both).
import copy
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

class Record:
    def __init__(self, k):
        self.k = k
        self.name = "record %d" % k
        self.values = [k, k * 2.5, str(k)]
        self.flags = {"a": k % 2 == 0, "b": None}

def make_tree(k):
    shared = [1, 2, 3]
    data = {
        "numbers": list(range(k % 20)),
        "pairs": [(i, str(i)) for i in range(10)],
        "nested": {"x": {"y": {"z": [shared, shared]}}},
        "records": [Record(k + i) for i in range(3)],
        "tags": frozenset(["p", "q"]),
        "set": {k, k + 1},
        "text": "payload" * 3,
        "bytes": b"\x00\x01",
    }
    data["self"] = data
    return data

trees = [make_tree(k) for k in range(40)]
total = 0
for _ in range(1 if QUICK else 40):
    copies = copy.deepcopy(trees)
    for original, c in zip(trees, copies):
        assert c is not original and c["self"] is c
        inner = c["nested"]["x"]["y"]["z"]
        assert inner[0] is inner[1] and inner[0] is not original["nested"]["x"]["y"]["z"][0]
        total += len(c["numbers"]) + sum(r.k for r in c["records"])
print(total)
