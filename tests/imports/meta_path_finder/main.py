import sys
import importlib.util

class VirtualLoader:
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.GREETING = 'hello from ' + module.__name__
        print('exec', module.__name__, module.__spec__.name, module.__loader__ is self)

class VirtualFinder:
    def find_spec(self, fullname, path, target=None):
        if fullname.startswith('virtual'):
            return importlib.util.spec_from_loader(fullname, VirtualLoader())
        return None

sys.meta_path.insert(0, VirtualFinder())
import virtual_one
print(virtual_one.GREETING)
from virtual_two import GREETING
print(GREETING)
import real
print(real.R)
