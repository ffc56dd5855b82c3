# gc.is_tracked: atomic values never are; containers are; dicts only with container contents.
import gc

class C:
    pass

print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None), gc.is_tracked(2.5))
print(gc.is_tracked([]), gc.is_tracked([1]), gc.is_tracked(C()), gc.is_tracked(C))
print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
print(gc.is_tracked(lambda: 0), gc.is_tracked(set()))
try:
    gc.is_tracked()
except TypeError as e:
    print(type(e).__name__, e)
