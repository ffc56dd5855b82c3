import sys
sys.path.append(__file__.rpartition('/')[0] + '/second')
import nsp.one
import nsp.two
print(nsp.one.X, nsp.two.Y)
print(nsp.__spec__.origin, getattr(nsp, '__file__', 'no file'))
here = __file__.rpartition('/')[0]
print([p.replace(here, '<DIR>') for p in nsp.__path__])
print(nsp.__package__, nsp.__spec__.parent)
