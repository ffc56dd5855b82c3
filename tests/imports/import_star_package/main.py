from pkg import *
print(sorted(k for k in globals() if not k.startswith('__')))
print(alpha.A, beta.B)
import sys
print('pkg.gamma' in sys.modules)
