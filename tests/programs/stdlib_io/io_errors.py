# Error cases of open() and file objects, with CPython's exception types and messages.
import posix
import _io

base = "/tmp/kaa_io_errors_%d" % posix.getpid()
posix.mkdir(base)
p = base + "/e.txt"


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except OSError as e:
        # Paths vary from run to run: show the parts that do not.
        if e.filename is not None:
            print(label, type(e).__name__, e.errno, e.strerror, e.filename.startswith(base))
        else:
            print(label, type(e).__name__, e)
    except Exception as e:
        print(label, type(e).__name__, e)


try:
    with open(p, "w") as f:
        t("read on w", lambda: f.read())
        t("buffer.read on w", lambda: f.buffer.read())
        t("raw.read on w", lambda: f.buffer.raw.read())
        t("write int", lambda: f.write(5))
    t("write closed", lambda: f.write("x"))
    t("buffer.write closed", lambda: f.buffer.write(b"x"))
    t("raw.write closed", lambda: f.buffer.raw.write(b"x"))
    t("read closed", lambda: f.read())
    t("iter closed", lambda: next(iter(f)))
    t("mode rw", lambda: open(p, "rw"))
    t("mode bt", lambda: open(p, "rbt"))
    t("mode rr", lambda: open(p, "rr"))
    t("mode q", lambda: open(p, "q"))
    t("mode empty", lambda: open(p, ""))
    t("mode int", lambda: open(p, 5))
    t("unbuffered text", lambda: open(p, "r", buffering=0))
    t("binary encoding", lambda: open(p, "rb", encoding="utf-8"))
    t("binary newline", lambda: open(p, "rb", newline=""))
    t("bad newline", lambda: open(p, "r", newline="x"))
    t("bad encoding", lambda: open(p, "r", encoding="no-such-codec"))
    t("missing", lambda: open(base + "/nope.txt"))
    t("directory", lambda: open(base))
    t("float name", lambda: open(1.5))
    t("exists", lambda: open(p, "x"))
    with open(p, "rb") as f:
        t("write on rb", lambda: f.write(b"x"))
        t("read str size", lambda: f.read("a"))
        t("seek float", lambda: f.seek(1.5))
        t("seek negative", lambda: f.seek(-100))
    with open(p, "rb", buffering=0) as f:
        t("raw write on rb", lambda: f.write(b"x"))
        print(type(f).__name__, f.mode, f.closefd)
    print(repr(f))
    with open(p, "w") as f:
        t("seek cur nonzero", lambda: f.seek(1, 1))
        t("seek end nonzero", lambda: f.seek(1, 2))
        t("seek negative", lambda: f.seek(-1))
        t("seek whence", lambda: f.seek(0, 7))
    s = _io.StringIO("abc")
    s.close()
    t("StringIO closed", lambda: s.read())
    b = _io.BytesIO(b"abc")
    b.close()
    t("BytesIO closed", lambda: b.read())
    t("StringIO bytes", lambda: _io.StringIO(b"x"))
    t("StringIO write bytes", lambda: _io.StringIO().write(b"x"))
    t("BytesIO write str", lambda: _io.BytesIO().write("x"))
    t("StringIO seek cur", lambda: _io.StringIO("ab").seek(1, 1))
    t("StringIO seek neg", lambda: _io.StringIO("ab").seek(-1))
    print(issubclass(_io.UnsupportedOperation, OSError), issubclass(_io.UnsupportedOperation, ValueError))
finally:
    posix.unlink(p)
    posix.rmdir(base)
