# json.dumps of nested documents: dicts, lists, strings with escapes and non-ASCII text,
# integers, floats, booleans and None, with and without indentation and sorted keys.
import json
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

def make_document(k):
    return {
        "id": k,
        "name": "item-%d" % k,
        "tags": ["alpha", "beta", "gamma \"quoted\"", "tab\there", "caf\u00e9 \u2603"][: k % 5 + 1],
        "price": k * 1.25 + 0.1,
        "ratio": k / 7,
        "active": k % 3 == 0,
        "parent": None if k % 4 else k // 4,
        "children": [{"pos": i, "label": "child %d of %d" % (i, k), "weight": i * 0.5} for i in range(k % 6)],
        "meta": {"created": 1700000000 + k, "owner": {"first": "Ada", "last": "Lovelace", "age": 36}},
    }

documents = [make_document(k) for k in range(20 if QUICK else 300)]
total = 0
checksum = 0
for _ in range(1 if QUICK else 12):
    plain = json.dumps(documents)
    pretty = json.dumps(documents, indent=2, sort_keys=True)
    ascii_off = json.dumps(documents, ensure_ascii=False, separators=(",", ":"))
    total += len(plain) + len(pretty) + len(ascii_off)
    checksum = (checksum * 31 + sum(map(ord, pretty[::97]))) % 1000000007
print(total, checksum)
print(json.dumps(documents[7], sort_keys=True)[:200])
