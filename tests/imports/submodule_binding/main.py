import pkg
print(pkg.sub)
import pkg.sub
print(type(pkg.sub).__name__, pkg.sub.S)
from pkg import other
print(other.O)
import pkg.other as o2
print(o2 is other)
import sys
del pkg.other
from pkg import other as o3
print(o3 is other)
