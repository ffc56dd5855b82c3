import gc, sys, weakref

class Token:
    pass

def keep_traceback(token):
    try:
        raise ValueError("boom")
    except ValueError:
        tb = sys.exc_info()[2]
    return weakref.ref(token)

def keep_frame(token):
    me = sys._getframe()
    return weakref.ref(token)

gc.collect()
for f in (keep_traceback, keep_frame):
    r = f(Token())
    print(f.__name__, "alive before collect:", r() is not None)
    gc.collect()
    print(f.__name__, "alive after collect:", r() is not None)

def exc_in_local():
    try:
        1 / 0
    except ZeroDivisionError as e:
        saved = e
    t = Token()
    return weakref.ref(t)

r = exc_in_local()
gc.collect()
print("exc kept in local:", r() is not None)
l = [1, 2, 3]
s = l[:]
s.append(s)
w = sorted([3, 1])
w.append(w)
c = l.copy(); c.append(c)
print(gc.collect() >= 0)
