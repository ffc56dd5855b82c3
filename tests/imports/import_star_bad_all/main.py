try:
    from badall import *
except TypeError as e:
    print(type(e).__name__, e)
from missingall import *
