import sys
import counted
import counted
print(counted.RUNS)
del sys.modules['counted']
import counted as again
print(again.RUNS, again is counted)
sys.modules['fake'] = 'I am fake'
import fake
print(fake)
sys.modules['blocked'] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e, e.name)
