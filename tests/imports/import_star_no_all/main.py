from mod import *
print(sorted(k for k in globals() if not k.startswith('__')))
try:
    print(_secret)
except NameError as e:
    print(type(e).__name__, e)
