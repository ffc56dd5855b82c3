# Code compiled in 'single' mode (what the interactive prompt runs) shows the values of its
# expression statements through sys.displayhook, which prints the repr and keeps it in _.
import sys
import builtins

exec(compile("1 + 1", "<input>", "single"))
print("underscore:", builtins._)
exec(compile("None", "<input>", "single"))
print("None is not shown and keeps _:", builtins._)
exec(compile("for i in range(3): i * 10\n", "<input>", "single"))
print("after the loop:", builtins._)
exec(compile("if True:\n    'a'\n    'b'\n", "<input>", "single"))
exec(compile("try:\n    1 / 0\nexcept ZeroDivisionError:\n    'handled'\n", "<input>", "single"))
exec(compile("x = 5", "<input>", "single"))
exec(compile("x; x + 1", "<input>", "single"))
exec(compile("'text'", "<input>", "single"))
exec(compile("[1, 'two', (3,)]", "<input>", "single"))

# Inside functions and classes nothing is shown.
exec(compile("def f():\n    123\n", "<input>", "single"))
print(f())
exec(compile("class C:\n    'doc'\n    456\n", "<input>", "single"))
print(C.__doc__)

# 'exec' mode never shows values.
exec(compile("777", "<input>", "exec"))

# A replaced hook gets every value, None included.
seen = []
def hook(value):
    seen.append(value)
sys.displayhook = hook
exec(compile("[1, 2]", "<input>", "single"))
exec(compile("None", "<input>", "single"))
sys.displayhook = sys.__displayhook__
print("seen:", seen)

# The hook itself.
sys.displayhook("direct")
print(builtins._)
print(sys.displayhook(None), builtins._)
print(sys.displayhook is sys.__displayhook__)

try:
    sys.displayhook()
except TypeError as e:
    print(type(e).__name__, e)

try:
    compile("1\n2\n", "<input>", "single")
except SyntaxError as e:
    print(type(e).__name__, e.msg)

# Without a hook, showing a value fails.
del sys.displayhook
try:
    exec(compile("5", "<input>", "single"))
except RuntimeError as e:
    print(type(e).__name__, e)
sys.displayhook = sys.__displayhook__
exec(compile("'restored'", "<input>", "single"))

# An error in the hook propagates.
def broken(value):
    raise ValueError("hook failed on " + repr(value))
sys.displayhook = broken
try:
    exec(compile("42", "<input>", "single"))
except ValueError as e:
    print(type(e).__name__, e)
sys.displayhook = sys.__displayhook__
