# int, bool and float methods.
def check(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

for n in [0, 1, -1, 5, -5, 255, 2**62, -2**63, 2**64, -(2**100) + 1, 10**30]:
    print(n, n.bit_length(), n.bit_count(), n.conjugate(), n.as_integer_ratio())
print(True.bit_length(), False.bit_count(), True.conjugate(), True.as_integer_ratio(), int.bit_length(True))
for x in [0.0, -0.0, 1.0, 1.5, -0.1, 0.1, 3.0, 1e16, 1e300, 5e-324, 2.2250738585072014e-308,
          2.225073858507201e-308, 1.7976931348623157e308, 123.456, -2.5, 1 / 3]:
    print(repr(x), x.is_integer(), x.as_integer_ratio(), x.hex(), x.conjugate(), float.fromhex(x.hex()) == x)
for x in [float("inf"), float("-inf"), float("nan")]:
    print(x.hex(), x.is_integer(), x.conjugate())
for s in ["0x1.8p1", " -0X1.8P+1 ", "inf", "-Infinity", "nan", "1", "0x.8", "0x1.", "0x1p-1074",
          "0x1p-1075", "0x1.0000000000001p-1075", "0x1.fffffffffffff7ffp1023", "0x1.00000000000008p0",
          "0x1.00000000000018p0", "0x0p99999999999999999", "0x1p-99999999999999999", "+0x1p+1",
          "0x1.3ap-2", "ff", "0xABCDEFp-24", "0x1.fffffffffffffp-1023", "00000000000000000000000.1p0"]:
    print(repr(s), float.fromhex(s))
print((2.5).fromhex("0x1p4"), float.fromhex("0x10p-4").hex())
check("bit_length 1", lambda: (1).bit_length(1))
check("bit_length kw", lambda: (1).bit_length(x=1))
check("unbound int", lambda: int.bit_length("x"))
check("unbound float", lambda: float.hex(1))
check("is_integer 1", lambda: (1.5).is_integer(1))
check("ratio inf", lambda: float("inf").as_integer_ratio())
check("ratio nan", lambda: float("nan").as_integer_ratio())
for bad in ["0x", "0x.", "0x1p", "1_0", "0x1 2", "infi", "", "0x1p+", "--1", "0xg", "0x1.fffffffffffff8p1023", "0x1p1024"]:
    check("fromhex " + repr(bad), lambda: float.fromhex(bad))
check("fromhex int", lambda: float.fromhex(1))
check("fromhex()", lambda: float.fromhex())
check("fromhex kw", lambda: float.fromhex("1", x=1))
float.fromhex("0x1p99999")
