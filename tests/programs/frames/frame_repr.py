import sys
# type names and attribute sets of frame, traceback and code objects.
f = sys._getframe()
print(type(f).__name__, repr(f).startswith("<frame at 0x"), repr(f).endswith("code <module>>"))
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
print(type(tb).__name__, repr(tb).startswith("<traceback object at 0x"))
for name in ("f_code", "f_lineno", "f_locals", "f_globals", "f_back", "f_builtins", "f_lasti"):
    print(name, hasattr(f, name))
for name in ("tb_frame", "tb_lineno", "tb_next", "tb_lasti"):
    print(name, hasattr(tb, name))
code = f.f_code
def sample(a, b=1, *args, c, **kw):
    d = a
    return lambda: d
c = sample.__code__ if hasattr(sample, "__code__") else None
print(code.co_name, code.co_filename.endswith("frame_repr.py"), code.co_firstlineno)
