# Views of views share memory; slices keep the format; releasing frees the bytearray.
import array

ba = bytearray(range(12))
m = memoryview(ba)
h = m.cast('H')
part = h[1:4]
print(part.format, part.itemsize, part.shape, part.strides, part.nbytes, part.tolist())
part[0] = 0xFFFF
print(ba[:6])
rev = h[::-1]
print(rev.tolist(), rev.strides, rev.c_contiguous)
copy = memoryview(rev)
print(copy.format, copy.tolist() == rev.tolist(), copy.obj is ba)
try:
    ba.append(1)
except BufferError as e:
    print("BufferError", e)
for v in (m, h, part, rev, copy):
    v.release()
ba.append(1)
print(len(ba))

ro = memoryview(ba).toreadonly()
print(ro.readonly, ro[0])
try:
    ro[0] = 1
except TypeError as e:
    print(e)
ro.release()

a = array.array('d', [0.5, 1.5, 2.5])
md = memoryview(a)
print(md.format, md.itemsize, md.nbytes, md.tolist(), md[1], md[-1])
md[2] = 7
print(a.tolist(), sum(md), max(md))
as_bytes = md.cast('B')
print(len(as_bytes), as_bytes.cast('d').tolist())
q = array.array('Q', [2**64 - 1, 5])
print(memoryview(q).tolist(), memoryview(q).cast('B').cast('q').tolist())
print(bytes(memoryview(b'hello')[1:4]), bytearray(memoryview(b'xy')), b''.join([memoryview(b'a'), b'b']))
print(memoryview(b'abc') != b'abd', memoryview(b'ab') == 'ab', memoryview(b'ab').cast('c').tolist())
x = memoryview(b'\x01\x02\x03\x04').cast('i')
print(x.tolist(), x == memoryview(array.array('i', [0x04030201])))
