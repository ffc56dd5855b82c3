# importlib.util (Kaa's own, compiled in).

import sys
import _kaa_imp
import _frozen_importlib as _bootstrap
from _frozen_importlib import module_from_spec

MAGIC_NUMBER = _kaa_imp.MAGIC_NUMBER


def cache_from_source(path, debug_override=None, *, optimization=None):
    if debug_override is not None:
        if optimization is not None:
            raise TypeError('debug_override or optimization must be set to None')
        optimization = '' if debug_override else 1
    if optimization is None:
        return _kaa_imp.cache_from_source(path)
    optimization = str(optimization)
    if optimization != '' and not optimization.isalnum():
        raise ValueError(f'{optimization!r} is not alphanumeric')
    return _kaa_imp.cache_from_source(path, optimization)


def source_from_cache(path):
    return _kaa_imp.source_from_cache(path)


def resolve_name(name, package):
    if not name.startswith('.'):
        return name
    elif not package:
        raise ImportError(f'no package specified for {repr(name)} '
                          '(required for relative module names)')
    level = 0
    for character in name:
        if character != '.':
            break
        level += 1
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return f'{base}.{name[level:]}' if name[level:] else base


def find_spec(name, package=None):
    fullname = resolve_name(name, package) if name.startswith('.') else name
    if fullname not in sys.modules:
        parent_name = fullname.rpartition('.')[0]
        if parent_name:
            parent = __import__(parent_name, fromlist=['__path__'])
            try:
                parent_path = parent.__path__
            except AttributeError as e:
                raise ModuleNotFoundError(
                    f"__path__ attribute not found on {parent_name!r} "
                    f"while trying to find {fullname!r}") from e
        else:
            parent_path = None
        return _bootstrap._find_spec(fullname, parent_path)
    module = sys.modules[fullname]
    if module is None:
        return None
    try:
        spec = module.__spec__
    except AttributeError:
        raise ValueError('{}.__spec__ is not set'.format(name)) from None
    if spec is None:
        raise ValueError('{}.__spec__ is None'.format(name))
    return spec


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    if origin is None:
        origin = getattr(loader, '_ORIGIN', None)
    if is_package is None and hasattr(loader, 'is_package'):
        try:
            is_package = loader.is_package(name)
        except ImportError:
            is_package = None
    return _bootstrap.ModuleSpec(name, loader, origin=origin, is_package=is_package)


def spec_from_file_location(name, location=None, *, loader=None, submodule_search_locations=None):
    if location is None:
        return None
    location = str(location)
    if loader is None:
        if not location.endswith('.py'):
            return None
        loader = _bootstrap.SourceFileLoader(name, location)
    spec = _bootstrap.ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if submodule_search_locations is None:
        if hasattr(loader, 'is_package') and loader.is_package(name):
            spec.submodule_search_locations = [location.rpartition('/')[0]]
    else:
        spec.submodule_search_locations = submodule_search_locations
    return spec
