import sys
# f_globals is the module namespace; f_builtins the builtins; both shared by nested frames.
counter = 0
def bump():
    g = sys._getframe().f_globals
    g["counter"] += 1
    return g is globals(), sys._getframe().f_builtins is sys._getframe(1).f_builtins

print(bump(), bump(), counter)
print(sys._getframe().f_builtins["len"]("abc"))
