# gc.is_finalized tells whether __del__ has run (PEP 442).
import gc
keep = []

class C:
    def __del__(self):
        keep.append(self)

c = C()
print(gc.is_finalized(c))
del c
print(gc.is_finalized(keep[0]))
print(gc.is_finalized(1))
