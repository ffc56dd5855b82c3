import sys
# f_lineno follows the frame while it runs.
def track():
    f = sys._getframe()
    lines = [f.f_lineno]
    x = 1
    lines.append(f.f_lineno)
    for i in range(2):
        lines.append(f.f_lineno)
    return lines

print(track())

def caller_line():
    return sys._getframe(1).f_lineno

print(caller_line(),
      caller_line())
