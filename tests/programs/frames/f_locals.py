import sys
# f_locals of running frames, of the caller, and of a frame kept after it returned.
def show(x, y=2):
    z = x + y
    return dict(sys._getframe().f_locals)

print(show(1))

def peek():
    return sorted(sys._getframe(1).f_locals.items())

def caller():
    a = "A"
    b = [1, 2]
    return peek()

print(caller())

def keep():
    local_value = 41
    f = sys._getframe()
    local_value += 1
    return f

f = keep()
print(f.f_locals.get("local_value"), f.f_code.co_name)

def closure():
    captured = "c"
    def inner():
        return sorted(sys._getframe().f_locals.items())
    other = 5
    return inner()
print(closure())
print(sys._getframe().f_locals is globals())
