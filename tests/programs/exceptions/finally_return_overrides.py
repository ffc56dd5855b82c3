# return in finally wins over the try's return and swallows exceptions.
def f():
    try:
        return "try"
    finally:
        print("finally runs")


def g():
    try:
        return "try"
    finally:
        return "finally"


def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out


print(f(), g(), h())
print(loop_with_finally())
