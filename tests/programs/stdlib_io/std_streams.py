# sys.stdout/stderr are TextIOWrappers; print, write and buffer.write stay in order; print goes
# wherever sys.stdout points.
import sys
import _io

print("one")
sys.stdout.write("two\n")
sys.stdout.flush()  # the text layer's pending output goes first
sys.stdout.buffer.write(b"three\n")
sys.stdout.buffer.flush()
print("four", flush=True)
print(type(sys.stdout).__name__, type(sys.stdin.buffer).__name__, type(sys.stdin.buffer.raw).__name__)
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode, sys.stdin.mode)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno(), sys.stdout.writable(), sys.stdin.readable())
print(sys.stdin.buffer.raw.closefd, sys.stdin.buffer.raw.mode)
saved = sys.stdout
sys.stdout = _io.StringIO()
print("captured", 1, 2, sep="-")
sys.stdout.write("more")
text = sys.stdout.getvalue()
sys.stdout = saved
print(repr(text))
sys.stdout = None
print("dropped")
sys.stdout = saved
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
buf = _io.StringIO()
print("a", "b", file=buf, end="!")
print(repr(buf.getvalue()))
sys.stderr.write("to stderr\n")
print("last")
