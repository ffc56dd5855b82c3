import mod
import mod as m2
from mod import VALUE, double as dbl
print(mod.VALUE, m2 is mod, dbl(21), VALUE)
print(mod.__name__, mod.__doc__)
print(sorted(k for k in vars(mod) if not k.startswith('__')))
