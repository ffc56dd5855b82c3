import thing
print(thing.KIND)
import sys
sys.path.insert(0, __file__.rpartition('/')[0] + '/later')
import onlydir
print(hasattr(onlydir, '__file__'), onlydir.__spec__.origin)
