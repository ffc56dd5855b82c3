import sys
ModuleType = type(sys)
m = ModuleType('scratch', 'doc text')
print(m, m.__doc__, m.__name__, m.__spec__, m.__loader__, m.__package__)
m.value = 3
print(m.value, sorted(vars(m)))
del m.value
try:
    m.value
except AttributeError as e:
    print(type(e).__name__, e)
def hook(name):
    return 'dynamic ' + name
m.__getattr__ = hook
print(m.anything)
sys.modules['scratch'] = m
import scratch
print(scratch is m, scratch.other)
from scratch import thing
print(thing)
print(repr(sys), sys.__name__, __name__)
print(sys.modules['__main__'].__name__, '__main__' in sys.modules)
print(type(sys.modules).__name__, isinstance(sys.path, list), isinstance(sys.meta_path, list))
print(__import__('sys') is sys, __import__('math').floor(2.7))
try:
    __import__('nonexistent_pkg.sub')
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    ModuleType()
except TypeError as e:
    print(type(e).__name__)
import importlib
print(importlib.import_module('scratch') is m)
sys.modules['blocked_mod'] = None
try:
    import blocked_mod
except ImportError as e:
    print(type(e).__name__, e)
