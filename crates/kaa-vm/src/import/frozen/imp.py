"""(Extremely) low-level import machinery bits as used by importlib and test.support.

Kaa's import system is native (see import/); this module answers the questions CPython's
`_imp` answers, for the parts of it Kaa has: no extension modules, no frozen modules, one
thread (so the import lock is a counter)."""

import sys as _sys

check_hash_based_pycs = 'default'
_lock_depth = 0


def extension_suffixes():
    return []


def is_builtin(name):
    if name not in _sys.builtin_module_names:
        return 0
    return -1 if name in ('sys', 'builtins') else 1


def is_frozen(name):
    return False


def is_frozen_package(name):
    raise ImportError(f'No such frozen object named {name!r}', name=name)


def find_frozen(name, *, withdata=False):
    return None


def get_frozen_object(name, data=None):
    raise ImportError(f'No such frozen object named {name!r}', name=name)


def init_frozen(name):
    return None


def _frozen_module_names():
    return ()


def _override_frozen_modules_for_tests(override):
    pass


def _override_multi_interp_extensions_check(override):
    return -1


def acquire_lock():
    global _lock_depth
    _lock_depth += 1


def release_lock():
    global _lock_depth
    if _lock_depth == 0:
        raise RuntimeError('not holding the import lock')
    _lock_depth -= 1


def lock_held():
    return _lock_depth > 0


def _fix_co_filename(code, path):
    pass


def source_hash(key, source):
    raise NotImplementedError('Kaa does not write hash-based .pyc files')


def create_builtin(spec):
    return __import__(spec.name)


def exec_builtin(mod):
    return 0


def create_dynamic(spec, file=None):
    raise ImportError(f'Kaa cannot load extension modules ({spec.name!r})', name=spec.name)


def exec_dynamic(mod):
    return 0
