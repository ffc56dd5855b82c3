# json.loads of documents built as text: objects, arrays, escapes (\n, \", \u00e9, surrogate
# pairs), numbers of every shape, literals, and a deep nesting.
import json
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

def make_text(k):
    items = []
    for i in range(k % 7 + 1):
        items.append('{"n": %d, "f": %d.%de-%d, "s": "line\\nbreak \\"q\\" caf\\u00e9 \\ud83d\\ude00", '
                     '"ok": %s, "none": null, "list": [1, -2, 3.5, true, false, "x"]}'
                     % (i * k, k, i, i % 3, "true" if i % 2 else "false"))
    return '{"key%d": [%s], "nested": {"a": {"b": {"c": [[[%d]]]}}}}' % (k, ", ".join(items), k)

texts = [make_text(k) for k in range(20 if QUICK else 400)]
big = "[" + ", ".join(texts) + "]"
total = 0
floats = 0.0
for _ in range(1 if QUICK else 10):
    docs = json.loads(big)
    for d in docs:
        for key, value in d.items():
            if key.startswith("key"):
                for item in value:
                    total += item["n"] + len(item["s"]) + len(item["list"])
                    floats += item["f"]
            else:
                total += value["a"]["b"]["c"][0][0][0]
print(total, "%.6f" % floats, len(docs))
