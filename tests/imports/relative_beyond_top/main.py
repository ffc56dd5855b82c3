try:
    import pkg.mod
except ImportError as e:
    print(type(e).__name__, e)
import pkg.mod2
