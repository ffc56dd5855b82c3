import lazy
print(lazy.real, lazy.virtual_thing)
from lazy import other
print(other)
try:
    lazy.forbidden
except AttributeError as e:
    print(type(e).__name__, e)
import plain
try:
    plain.missing
except AttributeError as e:
    print(type(e).__name__, e)
