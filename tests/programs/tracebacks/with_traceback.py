# with_traceback and assigning __traceback__.
def fail():
    raise ValueError("first")

try:
    fail()
except ValueError as e:
    saved = e.__traceback__

e2 = KeyError("second")
r = e2.with_traceback(saved)
print(r is e2, e2.__traceback__ is saved)
print(e2.with_traceback(None).__traceback__)
for bad in (1, "tb", []):
    try:
        e2.with_traceback(bad)
    except TypeError as t:
        print("TypeError", t)
    try:
        e2.__traceback__ = bad
    except TypeError as t:
        print("TypeError", t)
e2.__traceback__ = saved
try:
    raise e2
except KeyError as k:
    tb = k.__traceback__
    print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name)
raise RuntimeError("uses saved").with_traceback(saved)
