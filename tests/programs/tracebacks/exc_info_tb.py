import sys
# sys.exc_info() inside handlers, nested handlers and after them.
print(sys.exc_info())
try:
    raise ValueError("outer")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno, tb.tb_frame.f_code.co_name)
    try:
        raise KeyError("inner")
    except KeyError:
        print(sys.exc_info()[1], sys.exc_info()[1].__context__)
    print(sys.exc_info()[1])
print(sys.exc_info())

def gen():
    try:
        raise TypeError("in gen")
    except TypeError:
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]
print([repr(x) for x in gen()])
