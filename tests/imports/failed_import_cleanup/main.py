import sys
for attempt in range(2):
    try:
        import broken
    except ZeroDivisionError as e:
        print(attempt, type(e).__name__, e, 'broken' in sys.modules)
import pkg
try:
    import pkg.bad
except ValueError as e:
    print(type(e).__name__, e, hasattr(pkg, 'bad'), 'pkg.bad' in sys.modules)
import broken
