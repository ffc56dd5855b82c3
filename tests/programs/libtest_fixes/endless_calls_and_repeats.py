# test_class/test_descr/test_list ran out of time on these.
import sys
class A:
    pass
A.__call__ = A()
try:
    A()()
except RecursionError as e:
    print(type(e).__name__, e)
lst = [4, 5, 6, 7]
n = (sys.maxsize * 2 + 2) // len(lst)
for f in (lambda: lst * n, lambda: n * (1, 2), lambda: 'ab' * n):
    try:
        f()
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__)
x = list(lst)
try:
    x *= n
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
print([1, 2] * 3, (0,) * 2, 'xy' * 2, [] * n, '' * n)
class B:
    def __call__(self, *args):
        return args
class C:
    __call__ = B()
print(C()(1, 2)[1:])
