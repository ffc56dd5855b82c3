print(__package__, __spec__)
try:
    from . import sibling
except ImportError as e:
    print(type(e).__name__, e)
from .sibling import x
