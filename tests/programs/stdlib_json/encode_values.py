# json.dumps through _json's encoder: types, separators, sort_keys, skipkeys, errors.
import json
import _json
from collections import OrderedDict

print(json.encoder.c_make_encoder is _json.make_encoder)
data = {"s": "quote\" back\\ nl\n tab\t ctl\x01 é ✓ 😀", "i": [0, -1, 10**30, True, False, None],
        "f": [1.5, -0.0, 1e300, 3.141592653589793, 1e-7, 100.0], "t": (1, (2, 3)), "e": {}, "l": [],
        "n": {"nested": {"deep": [[[]]]}}}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, sort_keys=True, separators=(",", ":")))
print(json.dumps({3: 1, 1.5: 2, True: 3, None: 4, "s": 5, False: 6}))
print(json.dumps({(1, 2): 1, "a": 2}, skipkeys=True))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps({float("inf"): 1}))
print(json.dumps(OrderedDict([("z", 1), ("a", 2)])))


class MyStr(str):
    pass


class MyInt(int):
    def __repr__(self):
        return "MyInt!"


class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"


class MyList(list):
    pass


class MyDict(dict):
    def items(self):
        return reversed(list(super().items()))


print(json.dumps([MyStr("x"), MyInt(5), MyFloat(2.5), MyList([1, 2]), MyDict(a=1, b=2)]))
print(json.dumps({MyStr("k"): 1, MyInt(7): 2}))
print(json.dumps(set([1]), default=sorted))
print(json.dumps(object(), default=lambda o: "obj"))

for bad in [lambda: json.dumps({(1,): 2}), lambda: json.dumps(object()),
            lambda: json.dumps([float("nan")], allow_nan=False),
            lambda: json.dumps({1.5: float("inf")}, allow_nan=False),
            lambda: json.dumps({1: 2, "a": 3}, sort_keys=True)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

a = []
a.append(a)
d = {}
d["d"] = d
for obj in (a, d):
    try:
        json.dumps(obj)
    except ValueError as e:
        print("ValueError", e)


class Loop:
    pass


try:
    json.dumps(Loop(), default=lambda o: [o])
except ValueError as e:
    print("ValueError", e)
try:
    json.dumps(a, check_circular=False)
except RecursionError as e:
    print("RecursionError", e)

print(_json.encode_basestring_ascii("a\"b\\c\u20ac\U0001f600\x7f"))
print(_json.encode_basestring("a\"b\\c\u20ac\U0001f600\x7f\x1f"))
for f in (_json.encode_basestring, _json.encode_basestring_ascii):
    try:
        f(5)
    except TypeError as e:
        print(e)
enc = _json.make_encoder(None, str, lambda s: "<" + s + ">", None, "=", ";", False, False, True)
print(enc({"a": [1, "b"]}, 0))
enc = _json.make_encoder({}, str, lambda s: 5, None, ":", ",", False, False, True)
try:
    enc(["x"], 0)
except TypeError as e:
    print(e)
try:
    _json.make_encoder([], str, str, None, ":", ",", False, False, True)
except TypeError as e:
    print(e)
print(json.dumps(data, indent=2)[:80])
print(json.loads(json.dumps(data)) == json.loads(json.dumps(data, ensure_ascii=False)))
