import sys
ModuleType = type(sys)
m = ModuleType('made')
print(m, m.__name__, m.__doc__, sorted(vars(m)))
m2 = ModuleType('withdoc', 'the doc')
print(m2.__doc__)
m.x = 5
print(m.x, vars(m)['x'])
import mod
here = __file__.rpartition('/')[0]
print(repr(mod).replace(here, '<DIR>'))
print(repr(sys))
import pkg
print(repr(pkg).replace(here, '<DIR>'))
print(type(mod).__name__, isinstance(mod, ModuleType))
