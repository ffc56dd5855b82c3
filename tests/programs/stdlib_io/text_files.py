# Text files: modes, newline translation, tell/seek, encodings, line iteration.
import posix

base = "/tmp/kaa_text_files_%d" % posix.getpid()
posix.mkdir(base)
p = base + "/t.txt"
try:
    with open(p, "w") as f:
        print(type(f).__name__, f.mode, f.encoding, f.name == p, f.closed)
        print(f.write("line1\nline2\r\nline3\rline4"), f.tell())
    print(f.closed)
    with open(p) as f:
        print(repr(f.readline()), f.tell())
        print(repr(f.readline()), f.tell())
        print(repr(f.read(3)), repr(f.read()))
    with open(p, newline="") as f:
        print(list(f))
    with open(p, newline="\r") as f:
        print(f.readlines())
    with open(p, "rb") as f:
        print(f.read())
    with open(p, "w", newline="\r\n") as f:
        f.write("a\nb\n")
    with open(p, "rb") as f:
        print(f.read())
    with open(p, "a") as f:
        f.write("tail")
    with open(p) as f:
        data = f.read()
        print(repr(data), len(data))
        f.seek(0)
        print(repr(f.read(2)), f.tell())
        f.seek(0, 2)
        print(repr(f.read()), f.tell())
    with open(p, "r+") as f:
        f.seek(2)
        f.write("ZZ")
        f.seek(0)
        print(repr(f.read()))
    with open(p, "w", encoding="latin-1") as f:
        f.write("café")
    with open(p, "rb") as f:
        print(f.read())
    with open(p, encoding="latin-1") as f:
        print(f.read(), f.encoding)
    with open(p, "w", encoding="utf-16") as f:
        f.write("hé")
        f.write("!")
    with open(p, "rb") as f:
        print(f.read())
    with open(p, encoding="utf-16") as f:
        print(f.read())
    with open(p, "w") as f:
        f.writelines(["x\n", "y\n", "z"])
    with open(p) as f:
        for i, line in enumerate(f):
            print(i, repr(line))
    with open(p) as f:
        print(f.readlines(3))
    # Written when the object goes away, as in CPython.
    open(p, "w").write("unclosed write")
    print(open(p).read())
    with open(p, "x" if False else "w") as f:
        f.write("é" * 5000)
    with open(p) as f:
        print(len(f.read()))
    with open(p, "rb") as f:
        print(len(f.read()))
finally:
    posix.unlink(p)
    posix.rmdir(base)
