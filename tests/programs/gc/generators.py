# A generator holding itself in a local is a cycle; a suspended generator that is collected
# never resumes.
import gc
gc.collect()

def gen():
    me = yield 1
    yield me

g = gen()
print(next(g))
print(g.send(g) is g)
del g
gc.collect()

def counting():
    for i in range(3):
        yield i

h = counting()
print(list(h))
del h
print(gc.collect())
