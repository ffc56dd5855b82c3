# The buffered and text layers over arbitrary binary streams (BytesIO and a Python raw class).
import _io

r = _io.BufferedReader(_io.BytesIO(b"first line\nsecond\nthird"), buffer_size=4)
print(r.peek(1)[:1], r.read(3), r.read1(2), r.readline(), r.tell())
print(list(r))
print(r.read(), r.closed)
r.close()
print(r.closed)

out = _io.BytesIO()
w = _io.BufferedWriter(out, buffer_size=8)
w.write(b"abc")
print(out.getvalue())
w.write(b"defghij")
print(out.getvalue())
w.flush()
print(out.getvalue(), w.tell())
w.write(b"++")
print(w.detach() is out, out.getvalue())


class Raw(_io._RawIOBase):
    """A raw stream over a list of chunks, read in pieces."""

    def __init__(self, chunks):
        self.chunks = list(chunks)
        self.written = []

    def readable(self):
        return True

    def writable(self):
        return True

    def readinto(self, b):
        if not self.chunks:
            return 0
        c = self.chunks.pop(0)
        n = min(len(b), len(c))
        b[:n] = c[:n]
        if n < len(c):
            self.chunks.insert(0, c[n:])
        return n

    def write(self, b):
        self.written.append(bytes(b))
        return len(b)


raw = Raw([b"ab", b"c\nde", b"f\n"])
print(raw.read(2), raw.readline(), raw.readall())
raw = Raw([b"x" * 5, b"y\nz"])
br = _io.BufferedReader(raw)
print(br.readline(), br.read())
tw = _io.TextIOWrapper(_io.BufferedReader(Raw([b"h\xc3", b"\xa9llo\r", b"\nworld"])))
print(repr(tw.readline()), repr(tw.read()), tw.newlines)
raw = Raw([])
tw = _io.TextIOWrapper(_io.BufferedWriter(raw), encoding="ascii", newline="\r\n")
tw.write("one\ntwo")
print(raw.written)
tw.flush()
print(raw.written)
try:
    tw.write("é")
    tw.flush()
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
t = _io.TextIOWrapper(_io.BytesIO(), encoding="utf-8", line_buffering=True)
t.write("no newline")
print(t.buffer.getvalue())
t.write(" now\n")
print(t.buffer.getvalue(), t.line_buffering, t.encoding, t.errors)
t.reconfigure(line_buffering=False)
print(t.line_buffering)
pair = _io.BufferedRWPair(_io.BytesIO(b"in"), _io.BytesIO())
print(pair.read(), pair.write(b"out"), pair.readable(), pair.writable())
d = _io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r", final=True)), d.newlines)
