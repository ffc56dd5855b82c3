# gc.callbacks are called before and after a collection with the phase and an info dict.
import gc
gc.collect()
events = []

def cb(phase, info):
    events.append((phase, info["generation"], sorted(info)))

gc.callbacks.append(cb)
l = []
l.append(l)
del l
gc.collect()
gc.callbacks.remove(cb)
for e in events:
    print(e)
print(gc.callbacks)
