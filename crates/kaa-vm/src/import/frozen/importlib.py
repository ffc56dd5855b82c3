# importlib (Kaa's own, compiled in): the import system's public functions.

import sys
import _kaa_imp
import _frozen_importlib as _bootstrap

# CPython's importlib is split into _bootstrap and _bootstrap_external; Kaa's one module
# answers for both (pydoc and others import them by name).
_bootstrap_external = _bootstrap
sys.modules.setdefault('importlib._bootstrap', _bootstrap)
sys.modules.setdefault('importlib._bootstrap_external', _bootstrap)

__all__ = ['__import__', 'import_module', 'invalidate_caches', 'reload']

__import__ = __builtins__['__import__'] if isinstance(__builtins__, dict) else __builtins__.__import__


def import_module(name, package=None):
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
    return _kaa_imp.gcd_import(name[level:], package, level)


def invalidate_caches():
    for finder in sys.meta_path:
        if hasattr(finder, 'invalidate_caches'):
            finder.invalidate_caches()


def reload(module):
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules")
    parent_name = name.rpartition('.')[0]
    path = None
    if parent_name:
        try:
            parent = sys.modules[parent_name]
        except KeyError:
            raise ImportError(f"parent {parent_name!r} not in sys.modules") from None
        path = parent.__path__
    spec = _bootstrap._find_spec(name, path)
    if spec is None:
        raise ModuleNotFoundError(f"spec not found for the module {name!r}")
    module.__spec__ = spec
    return _bootstrap._exec(spec, module)
