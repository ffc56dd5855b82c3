import importlib
m = importlib.import_module('pkg.sub')
print(m.V, m.__name__)
r = importlib.import_module('.sub', 'pkg')
print(r is m)
r2 = importlib.import_module('..pkg', 'pkg.sub')
print(r2.__name__)
try:
    importlib.import_module('.sub')
except TypeError as e:
    print(type(e).__name__, e)
try:
    importlib.import_module('pkg.nothing')
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(importlib.import_module('sys').__name__)
