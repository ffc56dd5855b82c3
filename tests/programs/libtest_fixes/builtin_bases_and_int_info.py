# Subclasses of built-in types may add __dict__ through __slots__ (test_set, test_bytes).
import sys
class S(set):
    __slots__ = ('x', 'y', '__dict__')
s = S([1, 2])
s.x = 1
s.z = 3
print(sorted(s), s.x, vars(s))
for base in (bytes, int, tuple):
    try:
        type('B', (base,), {'__slots__': ('__dict__',)})
    except TypeError as e:
        print(e)
class Empty(tuple):
    __slots__ = ()
print(Empty((1, 2)))
class Slotted(set):
    __slots__ = ('x',)
try:
    Slotted().other = 1
except AttributeError as e:
    print(type(e).__name__)
class Plain(set):
    pass
print('__dict__' in Plain.__dict__, '__dict__' in Slotted.__dict__, hasattr(Slotted(), '__dict__'))
class E(Exception):
    __slots__ = ('q',)
e = E()
e.w = 2
print(e.w)
print(sys.int_info, sys.int_info.bits_per_digit)
