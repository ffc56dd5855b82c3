# With automatic collection disabled, cycles wait for an explicit collect.
import gc
gc.collect()
gc.disable()

class Blob:
    pass

for i in range(2000):
    b = Blob()
    b.me = b
del b
found = gc.collect()
print("found at least 2000:", found >= 2000)
gc.enable()
print(gc.collect())
