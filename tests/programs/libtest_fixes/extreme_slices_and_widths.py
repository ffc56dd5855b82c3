# Found by CPython's test_list/test_tuple/test_format/test_copy: no wrap-around, no abort.
import sys
l = [1, 2, 3, 4, 5]
t = tuple(l)
for s in [slice(None, None, sys.maxsize), slice(-sys.maxsize - 1, None, -sys.maxsize), slice(2, None, -(2**62)),
          slice(None, None, -sys.maxsize - 1), slice(-2**70, 2**70, 2**70), slice(3, -sys.maxsize, -3)]:
    print(l[s], t[s], 'abcde'[s], s.indices(5))
for f, a in [('%*d', (sys.maxsize, 1)), ('%.*d', (sys.maxsize, 1)), ('%.*f', (2**31, 1.0)), ('%*d', (2**40, 1)),
             ('%*d', (-5, 42)), ('%.*f', (-3, 1.5))]:
    try:
        print(repr(f % a))
    except Exception as e:
        print(f, type(e).__name__, e)
x = {}
x['self'] = x
y = {}
y['self'] = y
for a, b in [(x, y), ([x], [y]), ({'k': [x]}, {'k': [y]})]:
    try:
        print(a == b)
    except RecursionError as e:
        print(type(e).__name__, e)
print(x == x, {'a': 1} == {'a': 1.0})
