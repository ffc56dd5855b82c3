for code in ["memoryview()", "memoryview(1)", "memoryview('x')", "memoryview([1])", "memoryview(b'x', 1)"]:
    try:
        exec(code)
    except TypeError as e:
        print(code, e)
m = memoryview(b'abc')
for code in ["m[3]", "m[-4]", "m['a']", "m[0] = 1", "m[0:1] = b'x'", "del m[0]"]:
    try:
        exec(code)
    except Exception as e:
        print(code, type(e).__name__, e)
w = memoryview(bytearray(b'abc'))
for code in ["w[0] = 256", "w[0] = -1", "w[0] = b'a'", "w[0:2] = b'a'", "w[0:2] = 'ab'", "hash(w)"]:
    try:
        exec(code)
    except Exception as e:
        print(code, type(e).__name__, e)
w.release()
w.release()
for code in ["w[0]", "w.tobytes()", "w.tolist()", "len(w)", "w.format", "bytes(w)", "w.hex()"]:
    try:
        exec(code)
    except Exception as e:
        print(code, type(e).__name__, e)
print(w == w, w == b'abc', m == m)
