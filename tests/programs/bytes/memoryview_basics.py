data = bytearray(b'abcdef')
m = memoryview(data)
print(len(m), m[0], m[-1], m.format, m.itemsize, m.readonly, m.nbytes, m.ndim, m.shape, m.strides)
print(m.tobytes(), m.tolist(), bytes(m), list(m), m.hex())
s = m[1:4]
print(type(s).__name__, s.tobytes(), len(s), s[0], s.nbytes)
m[0] = 65
s[0] = 66
print(data)
m[2:4] = b'XY'
print(data, m[::2].tobytes(), m[::-1].tobytes())
print(m == b'ABXYef', m == bytearray(b'ABXYef'), m == b'other', m == m, m[1:3] == b'BX')
ro = memoryview(b'readonly')
print(ro.readonly, ro[0:4].tobytes(), ro.obj, hash(ro) == hash(b'readonly'))
for code in ["ro[0] = 1", "m[0] = 256", "m[0] = 'a'", "m[0:2] = b'abc'", "m[10]", "del m[0]", "memoryview('str')", "hash(m)"]:
    try:
        exec(code)
    except Exception as e:
        print(code, type(e).__name__, e)
with memoryview(b'ctx') as v:
    print(v.tobytes(), v.readonly)
try:
    v.tobytes()
except ValueError as e:
    print(e)
try:
    len(v)
except ValueError as e:
    print(e)
m2 = memoryview(data)
try:
    data.append(1)
except BufferError as e:
    print('BufferError', e)
m2.release()
m.release()
s.release()
data.append(33)
print(data)
print(isinstance(m, memoryview), type(m).__name__)
