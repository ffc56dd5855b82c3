# marshal: CPython's bytes for constants, every version, round trips, references, errors.
import io
import marshal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(marshal.version)
for v in [None, True, False, ..., StopIteration, 0, 5, -1, 1000, 2**31 - 1, -2**31, 2**31, -2**40,
          1.5, -0.0, 1e300, float("inf"), 1j, (1.5 - 2j), "abc", "a b", "é", "", b"xy", b"",
          (), (1, 2), [1, "x"], {"k": [None, True]}, frozenset([1]), {3}, (1, (2, (3,)))]:
    for version in range(5):
        data = marshal.dumps(v, version)
        back = marshal.loads(data)
        print(version, data, back == v or (v != v), type(back).__name__)

big = [10**30, -(10**30), 2**15, 2**30 - 1, 2**62, -(2**63)]
for b in big:
    print(marshal.dumps(b), marshal.loads(marshal.dumps(b)) == b)
shared = [1, 2]
doc = [shared, shared, "name", "name"]
data = marshal.dumps(doc)
print(data)
back = marshal.loads(data)
print(back, back[0] is back[1], marshal.loads(marshal.dumps(doc, 2))[0] is marshal.loads(marshal.dumps(doc, 2))[1])
long_tuple = tuple(range(300))
print(marshal.loads(marshal.dumps(long_tuple)) == long_tuple, marshal.dumps(long_tuple)[:1])
long_str = "x" * 300
print(marshal.dumps(long_str)[:6], marshal.loads(marshal.dumps(long_str)) == long_str)
print(marshal.dumps(bytearray(b"ab")), marshal.dumps(memoryview(b"ab")))

t(lambda: marshal.dumps(object()))
t(lambda: marshal.dumps([1, object()]))
t(lambda: marshal.loads(b""))
t(lambda: marshal.loads(b"q"))
t(lambda: marshal.loads(b"i\x01"))
t(lambda: marshal.loads(b"(\x05\x00\x00\x00N"))
t(lambda: marshal.loads(b"r\x05\x00\x00\x00"))
t(lambda: marshal.loads(b"N extra"))
t(lambda: marshal.loads("N"))
t(lambda: marshal.loads(b"[\x01\x00\x00\x00" * 3000))
nested = []
for i in range(3000):
    nested = [nested]
t(lambda: marshal.dumps(nested))
t(lambda: marshal.loads(b"\xe9\x01\x00\x00\x00"))
t(lambda: marshal.loads(b"{\xda\x01ki\x05\x00\x00\x000"))

buf = io.BytesIO()
marshal.dump({"a": 1}, buf)
marshal.dump([2.5], buf, 1)
buf.seek(0)
print(marshal.load(buf), marshal.load(buf), buf.read())
