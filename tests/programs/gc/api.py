# The gc module's switches and thresholds.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(100, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(type(gc.get_count()).__name__, len(gc.get_count()))
print(gc.garbage, type(gc.callbacks).__name__)

for bad in [(), (1, 2, 3, 4)]:
    try:
        gc.set_threshold(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    gc.collect(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    gc.collect("x")
except TypeError as e:
    print(type(e).__name__, e)
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)
