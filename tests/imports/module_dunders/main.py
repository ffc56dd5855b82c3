import mod, pkg, pkg.sub
here = __file__.rpartition('/')[0]
def show(m):
    spec = m.__spec__
    print(m.__name__, m.__package__, m.__file__.replace(here, '<DIR>'))
    print('  spec', spec.name, spec.parent, spec.origin.replace(here, '<DIR>'), spec.has_location)
    print('  path', None if spec.submodule_search_locations is None else [p.replace(here, '<DIR>') for p in spec.submodule_search_locations])
    print('  cached', m.__cached__.endswith('.pyc'), '__pycache__' in m.__cached__, spec.cached == m.__cached__)
    print('  loader', m.__loader__ is spec.loader, type(m.__loader__).__name__)
show(mod); show(pkg); show(pkg.sub)
print(pkg.__path__ == pkg.__spec__.submodule_search_locations)
print(__name__, __spec__, __package__)
print(mod.__builtins__ is __builtins__.__dict__ or type(mod.__builtins__).__name__)
