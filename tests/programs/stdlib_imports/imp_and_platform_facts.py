import _imp
import sys
import sysconfig
print(_imp.extension_suffixes() == [] or _imp.extension_suffixes()[0].startswith('.'))
print(_imp.is_builtin('sys'), _imp.is_builtin('json'), _imp.is_frozen('json'), _imp.lock_held())
_imp.acquire_lock(); print(_imp.lock_held()); _imp.release_lock(); print(_imp.lock_held())
print(float.__getformat__('double'), float.__getformat__('float'))
for bad in ['half', 3]:
    try:
        float.__getformat__(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(isinstance(sysconfig.get_config_var('CFLAGS') or '', str), sysconfig.get_config_var('NOPE'))
print(hasattr(sys.implementation, '_multiarch'))
