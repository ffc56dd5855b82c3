# open() for text files, print(file=...), input() at end of input, sys.stdout/stderr.
import sys

# A name of our own, so concurrent runs do not share the file.
path = "/tmp/kaa_builtins_files_%x.txt" % id(object())

with open(path, "w") as f:
    print(type(f).__name__, f.mode, f.closed, f.writable(), f.readable())
    print(f.write("first line\n"), f.write("héllo wörld\n"))
    f.writelines(["a\n", "b\n"])
    print("printed", 1, 2, sep="-", file=f)
    print("no newline", end="", file=f)
print(f.closed)

f = open(path)
print(f.read(5), repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
print(f.readlines())
print(repr(f.read()), repr(f.readline()))
f.close()
f.close()
print(f.closed)

with open(path, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        print(n, repr(line))
with open(path) as f:
    print([len(l) for l in f.readlines()])
    print(f.seek(0), f.read(3), f.tell(), f.seek(0, 2) > 0, repr(f.read()))
print(open(path).read().splitlines()[-1])
print(list(open(path))[:2], sum(1 for _ in open(path)))

with open(path, "a") as f:
    f.write("appended\n")
print(open(path).read().count("\n"))
open(path, "w").write("replaced\r\nsecond\rthird\n")
print(repr(open(path).read()), repr(open(path, newline="").read()))
print(open(path, newline="").readlines(), open(path).readlines())

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        self.parts.append("<flush>")
c = Collector()
print("a", "b", 3, file=c)
print(file=c)
print("x", end="!", sep=",", file=c, flush=True)
print(c.parts)
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print("still", "stdout", file=None)
sys.stdout.write("direct write\n")

for bad in ("open()", "open(path, 'rw')", "open(path, 'rb+t')", "open(path, 'tb')", "open(path, 'rr')", "open(path, '')",
            "open(path, 'q')", "open(path, 'w', encoding=1)", "open(1.5)", "open(path, mode=1)", "open(path, newline='x')",
            "open('/nonexistent_dir_kaa/file.txt')", "open('/nonexistent_dir_kaa/file.txt', 'w')", "open('/tmp', 'r')",
            "open(path).write('x')", "open(path, 'w').read()", "open(path).read('a')", "open(path, encoding='nope')",
            "print(1, x=1)", "print(1, sep=1)", "print(1, end=2)", "print(1, file=1)", "input(1, 2)", "input(x=1)"):
    try:
        eval(bad, {"path": path})
    except (TypeError, ValueError, OSError, LookupError, AttributeError) as e:
        print(bad, "!!", type(e).__name__, e)

f = open(path, "w")
f.close()
for op in ("f.write('x')", "f.read()", "next(f)", "iter(f)", "f.readline()", "f.__enter__()", "f.flush()"):
    try:
        eval(op, {"f": f})
    except ValueError as e:
        print(op, "!!", e)

try:
    open("/nonexistent_dir_kaa/x.txt")
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, isinstance(e, OSError))

print(input.__name__, open.__name__, print.__name__)
answer = input("prompt> ")
