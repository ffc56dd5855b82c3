import array
b = bytes(range(16))
m = memoryview(b)
print(m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, m.readonly, m.c_contiguous)
for fmt in "BbcHhIiLlQqfd?":
    try:
        c = m.cast(fmt)
        print(fmt, c.itemsize, c.shape, c.strides, c.nbytes, len(c), c.tolist()[:3], c[0], c[-1])
    except Exception as e:
        print(fmt, type(e).__name__, e)
print(m.cast('I').tolist())
print(m.cast('B', (4, 4)).tolist())
c = m.cast('B', [2, 2, 4])
print(c.shape, c.strides, c.ndim, c[1, 0, 3], c.tolist())
for bad in [lambda: c[0], lambda: c[0, 0], lambda: c[0, 0, 0, 0], lambda: c[5, 0, 0], lambda: c[0:1, 0:1],
            lambda: m.cast('x'), lambda: m.cast('ii'), lambda: m.cast('I').cast('H'), lambda: m.cast('B', (3, 5)),
            lambda: m.cast('B', (0, 16)), lambda: m.cast('B', 5), lambda: m.cast('B', ('a',)), lambda: m[::2].cast('B'),
            lambda: memoryview(b'abc').cast('I'), lambda: m['x'], lambda: m[100], lambda: m[-17], lambda: m.cast(3),
            lambda: list(c), lambda: m.cast('B', (2, 8)).cast('B', (4, 4))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
z = m.cast('@Q')[:1].cast('B').cast('Q', [])
print(z.ndim, z.shape, z.strides, z[()], z.tolist(), z[...] is z)
try:
    len(z)
except TypeError as e:
    print(e)
try:
    z[0]
except TypeError as e:
    print(e)
ba = bytearray(8)
w = memoryview(ba)
w[0] = 255
w[1:3] = b'ab'
w[-1] = 7
print(ba, w.readonly)
wi = w.cast('i')
wi[1] = -2
print(ba, wi.tolist())
for val in [2**31, 'a', 1.5, None]:
    try:
        wi[0] = val
    except Exception as e:
        print(type(e).__name__, e)
for val in [256, -1, 'a']:
    try:
        w[0] = val
    except Exception as e:
        print(type(e).__name__, e)
try:
    w[0:2] = b'abc'
except ValueError as e:
    print(e)
wd = w.cast('d')
wd[0] = 1.25
print(wd[0], wd.tolist(), w.cast('f').tolist())
wc = w.cast('c')
wc[0] = b'z'
print(wc[0], wc[:2].tolist())
try:
    wc[0] = b'zz'
except ValueError as e:
    print(e)
wb = w.cast('?')
wb[1] = []
print(wb.tolist())
try:
    memoryview(b'ab')[0] = 1
except TypeError as e:
    print(e)
try:
    del w[0]
except TypeError as e:
    print(e)
a = array.array('i', [1, 2, 3])
ma = memoryview(a)
print(ma.format, ma.itemsize, ma.tolist(), ma.nbytes, len(ma))
ma[1] = 20
print(a, ma[::-1].tolist(), bytes(ma[:1]))
print(ma == array.array('i', [1, 20, 3]), ma == [1, 20, 3], ma.cast('B') == bytes(a))
print(memoryview(array.array('d', [1.0, 2.0])) == memoryview(array.array('i', [1, 2])))
print(memoryview(b'abc') == b'abc', memoryview(b'abc') == bytearray(b'abd'), b'abc' == memoryview(b'abc'))
print(m[::3].tolist(), m[1:10:4].strides, m[::-1][:3].tolist(), m[::2].c_contiguous, m[::2].contiguous)
print(m.hex(), m[:4].hex(':'), m.cast('H').hex(), m[::5].tobytes())
print(hash(memoryview(b'ab')) == hash(b'ab'))
try:
    hash(m.cast('H'))
except ValueError as e:
    print(e)
with memoryview(bytearray(b'xy')) as q:
    print(q.tobytes())
print(repr(q).startswith('<released memory'))
try:
    q[0]
except ValueError as e:
    print(e)
try:
    q.tobytes(order='Z')
except ValueError as e:
    print(e)
print(memoryview(b'ab').tobytes(order='A'), list(memoryview(b'ab')), list(m.cast('h'))[:2])
e = memoryview(b'')
print(e.tolist(), e.shape, e.c_contiguous, e.cast('I').shape)
print(m.cast('B', (4, 4))[1:3].tolist(), m.cast('B', (4, 4))[::2].strides)
print(m.tobytes(None))
