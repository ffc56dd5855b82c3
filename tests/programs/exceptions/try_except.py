def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        return 10 // (n - 1)
    return n

for n in range(4):
    try:
        print("result", risky(n))
    except ValueError as e:
        print("value error:", e, e.args)
    except (TypeError, ZeroDivisionError) as e:
        print("arithmetic:", e)
    else:
        print("no error for", n)
    finally:
        print("done", n)

try:
    [][1]
except LookupError as e:
    print("lookup", e)

try:
    try:
        {}["k"]
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", repr(e))

def early():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print("finally", i)

print(early())

def loop_control():
    out = []
    for i in range(6):
        try:
            if i % 2:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append("f")
    return out

print(loop_control())

try:
    try:
        raise KeyError("a")
    except KeyError:
        raise
except Exception as e:
    print("reraised", type(e).__name__ if False else "KeyError", e)

def nested_handler():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as e:
            return str(e)

print(nested_handler())
