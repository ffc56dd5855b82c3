# _frozen_importlib: the Python half of Kaa's import system (compiled into Kaa; Lib/importlib is
# not used). The native half (crates/kaa-vm/src/import) finds files, reads and writes the
# bytecode cache and runs the import statement; this file holds what Python code can see and
# replace: module specs, loaders and the finders on sys.meta_path and sys.path_hooks.

import sys
import _kaa_imp


class ModuleSpec:
    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self._cached = None
        self._initializing = False

    def __repr__(self):
        args = ['name={!r}'.format(self.name), 'loader={!r}'.format(self.loader)]
        if self.origin is not None:
            args.append('origin={!r}'.format(self.origin))
        if self.submodule_search_locations is not None:
            args.append('submodule_search_locations={}'.format(self.submodule_search_locations))
        return '{}({})'.format(self.__class__.__name__, ', '.join(args))

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader
                    and self.origin == other.origin
                    and smsl == other.submodule_search_locations
                    and self.cached == other.cached
                    and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        if self._cached is None and self.origin is not None and self._set_fileattr:
            if self.origin.endswith('.py'):
                self._cached = _kaa_imp.cache_from_source(self.origin)
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class BuiltinImporter:
    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None or not _kaa_imp.is_builtin(fullname):
            return None
        return ModuleSpec(fullname, cls, origin='built-in')

    @staticmethod
    def create_module(spec):
        return _kaa_imp.create_builtin(spec.name)

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def is_package(cls, fullname):
        return False


class FrozenImporter:
    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if not _kaa_imp.is_frozen(fullname):
            return None
        return ModuleSpec(fullname, cls, origin='frozen',
                          is_package=_kaa_imp.is_frozen_package(fullname))

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        _kaa_imp.exec_frozen(module, module.__name__)

    @classmethod
    def is_package(cls, fullname):
        return _kaa_imp.is_frozen_package(fullname)


class SourceFileLoader:
    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        _kaa_imp.exec_source(module, self.path)

    def get_filename(self, fullname=None):
        return self.path

    def is_package(self, fullname):
        filename = self.path.rpartition('/')[2]
        return filename.rpartition('.')[0] == '__init__'

    def get_source(self, fullname):
        with open(self.path) as f:
            return f.read()

    def get_code(self, fullname):
        return _kaa_imp.get_code(self.path)


class NamespaceLoader:
    def __init__(self, name, path):
        self.name = name
        self.path = path

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''


def _spec_from_found(fullname, found):
    kind, where = found
    if kind == 'namespace':
        spec = ModuleSpec(fullname, NamespaceLoader(fullname, where), is_package=True)
        spec.submodule_search_locations = where
        return spec
    spec = ModuleSpec(fullname, SourceFileLoader(fullname, where), origin=where,
                      is_package=kind == 'package')
    spec._set_fileattr = True
    if kind == 'package':
        spec.submodule_search_locations.append(where.rpartition('/')[0])
    return spec


class FileFinder:
    def __init__(self, path):
        self.path = path or '.'

    def find_spec(self, fullname, target=None):
        found = _kaa_imp.find_in_path(fullname, [self.path])
        return None if found is None else _spec_from_found(fullname, found)

    def invalidate_caches(self):
        pass

    @classmethod
    def path_hook(cls, *loader_details):
        return _path_hook_for_FileFinder

    def __repr__(self):
        return 'FileFinder({!r})'.format(self.path)


def _path_hook_for_FileFinder(path):
    return FileFinder(path)


class PathFinder:
    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is None:
            path = sys.path
        hooks = sys.path_hooks
        if len(hooks) == 1 and hooks[0] is _path_hook_for_FileFinder:
            # Only the default hook: search every entry natively in one go.
            found = _kaa_imp.find_in_path(fullname, path)
            return None if found is None else _spec_from_found(fullname, found)
        namespace_path = []
        for entry in path:
            if not isinstance(entry, str):
                continue
            finder = cls._path_importer_cache(entry)
            if finder is None:
                continue
            spec = finder.find_spec(fullname, target)
            if spec is None:
                continue
            if spec.loader is not None and not isinstance(spec.loader, NamespaceLoader):
                return spec
            namespace_path.extend(spec.submodule_search_locations or [])
        if namespace_path:
            spec = ModuleSpec(fullname, NamespaceLoader(fullname, namespace_path), is_package=True)
            spec.submodule_search_locations = namespace_path
            return spec
        return None

    @classmethod
    def _path_importer_cache(cls, entry):
        cache = sys.path_importer_cache
        if entry in cache:
            return cache[entry]
        finder = None
        for hook in sys.path_hooks:
            try:
                finder = hook(entry)
                break
            except ImportError:
                continue
        cache[entry] = finder
        return finder

    @classmethod
    def invalidate_caches(cls):
        for finder in list(sys.path_importer_cache.values()):
            if finder is not None and hasattr(finder, 'invalidate_caches'):
                finder.invalidate_caches()


def _find_spec(name, path):
    for finder in sys.meta_path:
        find_spec = getattr(finder, 'find_spec', None)
        if find_spec is None:
            continue
        spec = find_spec(name, path, None)
        if spec is not None:
            return spec
    return None


def module_from_spec(spec):
    module = None
    if hasattr(spec.loader, 'create_module'):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, 'exec_module'):
        raise ImportError('loaders that define exec_module() must also define create_module()')
    if module is None:
        module = _kaa_imp.new_module(spec.name)
    _init_module_attrs(spec, module)
    return module


def _init_module_attrs(spec, module, override=False):
    if override or getattr(module, '__name__', None) is None:
        module.__name__ = spec.name
    if override or getattr(module, '__loader__', None) is None:
        module.__loader__ = spec.loader
    if override or getattr(module, '__package__', None) is None:
        module.__package__ = spec.parent
    module.__spec__ = spec
    if override or getattr(module, '__path__', None) is None:
        if spec.submodule_search_locations is not None:
            module.__path__ = spec.submodule_search_locations
    if isinstance(spec.loader, NamespaceLoader) and getattr(module, '__file__', None) is None:
        module.__file__ = None
    if spec.has_location:
        if override or getattr(module, '__file__', None) is None:
            module.__file__ = spec.origin
        if override or getattr(module, '__cached__', None) is None:
            if spec.cached is not None:
                module.__cached__ = spec.cached
    return module


def _load_unlocked(spec):
    module = module_from_spec(spec)
    spec._initializing = True
    try:
        sys.modules[spec.name] = module
        try:
            if spec.loader is None:
                if spec.submodule_search_locations is None:
                    raise ImportError('missing loader')
            else:
                spec.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(spec.name, None)
            raise
        # The module may have replaced itself in sys.modules.
        module = sys.modules.pop(spec.name)
        sys.modules[spec.name] = module
        if sys.flags.verbose:
            print('import {!r} # {!r}'.format(spec.name, spec.loader), file=sys.stderr)
    finally:
        spec._initializing = False
    return module


def _load(spec):
    # importlib._bootstrap._load (pydoc uses it): import the module the spec describes.
    module = sys.modules.get(spec.name)
    if module is not None and not getattr(getattr(module, '__spec__', None), '_initializing', False):
        return _exec(spec, module)
    return _load_unlocked(spec)


def _exec(spec, module):
    # importlib.reload: runs the module again in its own namespace.
    name = spec.name
    if sys.modules.get(name) is not module:
        raise ImportError('module {} not in sys.modules'.format(name))
    spec._initializing = True
    try:
        _init_module_attrs(spec, module, override=True)
        if spec.loader is not None:
            spec.loader.exec_module(module)
        module = sys.modules.pop(name)
        sys.modules[name] = module
    finally:
        spec._initializing = False
    return module


# Native modules imported before this file ran get their specs now.
for _name, _module in list(sys.modules.items()):
    if _kaa_imp.is_builtin(_name) and getattr(_module, '__spec__', None) is None:
        _module.__spec__ = ModuleSpec(_name, BuiltinImporter, origin='built-in')
        _module.__loader__ = BuiltinImporter
        _module.__package__ = ''

sys.meta_path.extend([BuiltinImporter, FrozenImporter, PathFinder])
sys.path_hooks.append(_path_hook_for_FileFinder)
