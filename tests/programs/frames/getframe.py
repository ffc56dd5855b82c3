import sys
# sys._getframe: the running frame, its caller, their code and line numbers.
def where():
    f = sys._getframe()
    caller = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, caller.f_code.co_name, caller.f_lineno

def outer():
    return where()

print(where())
print(outer())
top = sys._getframe()
print(top.f_code.co_name, top.f_back, top.f_globals is globals(), type(top).__name__)
print(sys._getframe() is sys._getframe())
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError", e)
try:
    sys._getframe("x")
except TypeError as e:
    print("TypeError", e)
print(sys._getframe(0).f_code is sys._getframe().f_code)
print(type(top.f_builtins).__name__, "len" in top.f_builtins)
