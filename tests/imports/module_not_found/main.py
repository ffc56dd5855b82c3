for name in ['no_such_module', 'no_such.sub', 'plain.sub', 'pkg.missing', 'pkg.deeper.missing']:
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__, '|', e, '|', e.name)
import no_such_module_at_all
