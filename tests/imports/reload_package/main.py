import importlib
import pkg
import pkg.sub
pkg.marker = 'kept'
again = importlib.reload(pkg)
print(again is pkg, pkg.RUNS, pkg.marker, pkg.sub.S)
sub2 = importlib.reload(pkg.sub)
print(sub2 is pkg.sub, pkg.sub.RUNS)
