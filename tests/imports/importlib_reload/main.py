import importlib, sys
import counter
print(counter.N, counter.extra)
counter.extra = 'changed'
with open(counter.__file__, 'w') as f:
    f.write('N = 2\nprint("reloading", __name__)\nLONGER_SOURCE = True\n')
again = importlib.reload(counter)
print(again is counter, counter.N, counter.extra, counter.LONGER_SOURCE)
del sys.modules['counter']
try:
    importlib.reload(counter)
except ImportError as e:
    print(type(e).__name__, e)
