try:
    import first
except ImportError as e:
    print(type(e).__name__, e.name)
    print(str(e).replace(__file__.rpartition('/')[0], '<DIR>'))
import sys
print('first' in sys.modules, 'second' in sys.modules)
import first
