import sys
from importlib.machinery import ModuleSpec

class Loader:
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.ITEMS = []
        if module.__name__ == 'vpkg':
            module.__path__ = []

class Finder:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name.split('.')[0] != 'vpkg':
            return None
        print('find_spec', name, path)
        return ModuleSpec(name, Loader(), is_package=(name == 'vpkg'))

sys.meta_path.append(Finder)
import vpkg.leaf
print(vpkg.leaf.ITEMS, vpkg.leaf.__package__, vpkg.__package__)
try:
    import notthere
except ModuleNotFoundError as e:
    print(e)
