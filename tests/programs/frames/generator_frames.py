# gi_frame, gi_running, gi_code, gi_yieldfrom of generators.
def gen():
    x = 1
    yield x
    x = 2
    yield x

g = gen()
print(g.gi_running, g.gi_code.co_name, g.gi_frame is not None, g.gi_yieldfrom)
print(g.gi_frame.f_lineno, g.gi_frame.f_code is g.gi_code)
next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals)
next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals)
for _ in g:
    pass
print(g.gi_frame, g.gi_running)

def delegating():
    yield from gen()

d = delegating()
print(d.gi_yieldfrom)
next(d)
print(type(d.gi_yieldfrom).__name__, d.gi_yieldfrom.gi_code.co_name)

def self_aware():
    yield me.gi_running
    yield me.gi_frame.f_code.co_name

me = self_aware()
print(list(me))
print(g.__name__, g.__qualname__, gen.__code__.co_name if hasattr(gen, "__code__") else "no __code__")
