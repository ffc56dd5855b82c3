# Types that cannot be weakly referenced, and wrong calls.
import weakref

for obj in [1, "s", [], {}, (1,), 2.5, None, True, b"" if False else 3]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(type(e).__name__, e)

class C:
    pass

r = weakref.ref(C())
print(r())
try:
    r(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    weakref.ref()
except TypeError as e:
    print(type(e).__name__)
