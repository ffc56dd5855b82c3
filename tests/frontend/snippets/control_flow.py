if a:
    pass
elif b:
    pass
else:
    pass
while x:
    break
else:
    continue_ = 1
for i, (j, k) in enumerate(x):
    continue
else:
    pass
try:
    pass
except ValueError as e:
    raise
except (TypeError, KeyError):
    raise RuntimeError("x") from None
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* ValueError as eg:
    pass
except* (TypeError, KeyError):
    pass
with open('a') as f, open('b') as g: pass
with (open('a') as f, open('b') as g,):
    pass
with (a, b): pass
assert x, "message"
del a, b[0], c.d
