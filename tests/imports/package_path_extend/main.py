import pkg
here = __file__.rpartition('/')[0]
try:
    import pkg.extra
except ModuleNotFoundError as e:
    print(e)
pkg.__path__.append(here + '/elsewhere')
import pkg.extra
print(pkg.extra.E, pkg.extra.__file__.replace(here, '<DIR>'))
print(pkg.extra.__spec__.parent, pkg.extra.__package__)
