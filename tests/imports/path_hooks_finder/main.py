import sys
from importlib.machinery import ModuleSpec

class MemoryLoader:
    def __init__(self, source):
        self.source = source
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        exec(self.source, module.__dict__)

class MemoryFinder:
    def __init__(self, files):
        self.files = files
    def find_spec(self, fullname, target=None):
        if fullname in self.files:
            return ModuleSpec(fullname, MemoryLoader(self.files[fullname]))
        return None

def hook(entry):
    if entry == 'memory:':
        return MemoryFinder({'memmod': 'VALUE = 6 * 7'})
    raise ImportError('not mine')

sys.path_hooks.insert(0, hook)
sys.path.append('memory:')
import memmod
print(memmod.VALUE)
import ondisk
print(ondisk.D)
print(type(sys.path_importer_cache['memory:']).__name__)
