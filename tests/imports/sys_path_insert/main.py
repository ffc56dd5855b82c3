import sys
here = __file__.rpartition('/')[0]
try:
    import hidden
except ModuleNotFoundError as e:
    print(e)
sys.path.insert(0, here + '/extra')
import hidden
print(hidden.H)
print(sys.path[0].replace(here, '<DIR>'), sys.path[1].replace(here, '<DIR>'))
