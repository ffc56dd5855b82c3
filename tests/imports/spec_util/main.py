import importlib.util, sys
here = __file__.rpartition('/')[0]
spec = importlib.util.spec_from_file_location('loaded_by_path', here + '/data/plugin.py')
print(spec.name, spec.origin.replace(here, '<DIR>'), spec.has_location, spec.parent)
mod = importlib.util.module_from_spec(spec)
print(mod.__name__, 'loaded_by_path' in sys.modules)
spec.loader.exec_module(mod)
print(mod.PLUGIN, mod.__file__.replace(here, '<DIR>'))
print(importlib.util.find_spec('nothing_here'))
s = importlib.util.find_spec('mod')
print(s.name, s.origin.replace(here, '<DIR>'))
print(importlib.util.resolve_name('.x', 'pkg.sub'), importlib.util.resolve_name('..x', 'pkg.sub'))
print(importlib.util.find_spec('sys').origin)
