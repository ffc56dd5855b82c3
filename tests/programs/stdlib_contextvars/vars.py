import _contextvars as cv

v = cv.ContextVar('v', default=1)
w = cv.ContextVar('w')
print(v.name, v.get(), w.get('dflt'))
try:
    w.get()
except LookupError as e:
    print('LookupError', type(e).__name__)
t = v.set(5)
print(v.get(), t.var is v, t.old_value is cv.Token.MISSING, repr(cv.Token.MISSING))
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError as e:
    print('RuntimeError')
ctx = cv.copy_context()
def inside(x):
    v.set(x)
    w.set(x * 2)
    return v.get() + w.get(), len(cv.copy_context())
print(ctx.run(inside, 10), v.get(), w.get(None))
print(ctx[v], ctx.get(w), v in ctx, list(sorted(k.name for k in ctx)), len(ctx))
c2 = ctx.copy()
print(c2 == ctx, c2.get(v))
try:
    ctx.run(lambda: ctx.run(lambda: 0))
except RuntimeError as e:
    print('RuntimeError', 'already entered' in str(e))
try:
    cv.ContextVar(5)
except TypeError as e:
    print('TypeError', e)
t2 = w.set('x')
other = cv.ContextVar('o')
try:
    other.reset(t2)
except ValueError as e:
    print('ValueError', 'different ContextVar' in str(e))
print(cv.Context().get(v, 'none'), type(cv.Context()).__name__)
