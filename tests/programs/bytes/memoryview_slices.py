buf = bytearray(range(10))
m = memoryview(buf)
evens = m[::2]
print(evens.tolist(), len(evens), evens.nbytes, evens.contiguous, m.contiguous)
rev = m[::-1]
print(rev.tolist(), rev[0], rev[-1])
inner = m[2:8][1:4]
print(inner.tolist(), inner.obj is buf)
inner[0] = 99
evens[1] = 77
print(list(buf))
m[7:10] = b'\xaa\xbb\xcc'
print(buf.hex())
print(bytes(m[1:3]), m[1:3] == b'\x01\x4d', m[:0].tobytes(), m[100:].tolist())
sub = m[::3]
sub[:] = b'\x00\x00\x00\x00'
print(list(buf))
print(memoryview(m).tolist() == m.tolist(), memoryview(b'abc')[::2].tobytes())
for view in [m, evens, rev, inner]:
    view.release()
buf.append(1)
print(len(buf))
