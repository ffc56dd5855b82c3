cases = [
    "b'a' * (2**62)", "b'ab' * (2**62)", "b'a' * (2**63)", "b'a' * -(2**63)", "bytearray(b'ab') * (2**62)",
    "bytes(2**62)", "bytes(2**63)", "bytes(-2**63)", "bytearray(2**62)", "b'a'.center(2**62)", "b'a'.ljust(2**62, b'x')",
    "b'a'.zfill(2**62)", "b'\\t'.expandtabs(2**31)", "b'a'.hex(':', 2**40)", "(1).to_bytes(2**62, 'big')", "(1).to_bytes(2**63, 'big')",
    "b'a'.replace(b'a', b'b', 2**70)", "b'abc'[2**70]", "b'abc'[-2**70]", "b'abc'[2**70:]", "b'abc'[:-2**70]", "b'abc'[::2**70]",
    "b'abc'.find(b'a', 2**70)", "b'abc'.count(b'a', -2**70, 2**70)", "b'abc'.split(maxsplit=2**70)", "bytearray(b'abc').pop(2**70)",
    "bytearray(b'abc').insert(2**70, 1)", "b'x' * True", "b'abc'.startswith(b'a', 2**80)", "memoryview(b'abc')[2**70]",
]
for c in cases:
    try:
        r = eval(c)
        print(c, '->', r if len(repr(r)) < 60 else len(r))
    except Exception as e:
        print(c, '!!', type(e).__name__, e)
ba = bytearray(b'x')
try:
    ba *= 2**62
except Exception as e:
    print(type(e).__name__, e)
print(ba)
