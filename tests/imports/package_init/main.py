import pkg
print(pkg.NAME, pkg.__name__, pkg.__package__)
import pkg.child
print(pkg.child.WHO, pkg.child.__package__)
print('child' in vars(pkg))
import sys
print(sorted(k for k in sys.modules if k.startswith('pkg')))
