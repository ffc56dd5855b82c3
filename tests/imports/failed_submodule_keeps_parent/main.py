import sys
try:
    import pkg.bad
except NameError as e:
    print(type(e).__name__, e)
print('pkg' in sys.modules, 'pkg.bad' in sys.modules, hasattr(sys.modules['pkg'], 'bad'))
import pkg.good
print(pkg.good.G)
try:
    from pkg import bad
except NameError as e:
    print('again', type(e).__name__)
