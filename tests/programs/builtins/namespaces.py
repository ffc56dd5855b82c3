# globals(), locals(), vars(), dir() and exec/eval with the caller's namespaces (need the frame hook).

x = 1
print(globals()["x"], globals() is globals(), "__name__" in globals(), globals()["__name__"])
print(eval("x + 1"), eval("x", {"x": 5}), eval("x", None, {"x": 6}))
exec("y = x * 10")
print(y)
globals()["z"] = 99
print(z)
print([n for n in dir() if not n.startswith("__")])
print(vars() is globals(), locals() is globals())

def f(a, b=2, *args, **kw):
    c = a + b
    def inner():
        return c
    print(sorted((k, v) for k, v in locals().items() if k != "inner"))
    print(sorted(vars()), dir())
    print(eval("a + c"), eval("x"))
    exec("d = 5")
    exec("global g\ng = 'global g'")
    return inner

f(1, 3, 4, k=5)
print(g)

def closure():
    v = "free"
    def use():
        print(sorted(locals()), v)
    return use
closure()()

class K:
    a = 1
    b = a + 1
    print(sorted(k for k in locals() if not k.startswith("__")), locals()["__module__"], __qualname__)
    names = dir()
print(sorted(n for n in K.names if not n.startswith("__")))

T = type("T", (), {})
print(T, T.__module__)
ns = {}
exec("class C: pass\nprint(C.__module__)", ns)
exec("print(__name__)", {"__name__": "custom"})
exec("class D: pass\nprint(D.__module__, D)", {"__name__": "custom"})

def shadow():
    x = "local"
    return eval("x"), eval("x", globals())
print(shadow())
for gen in (i * x for i in range(3)),:
    print(list(gen))
print([eval("i") for i in range(3)] if False else "skip")
print(locals(1) if False else "ok")
globals(1)
