# Classes whose slots come from one common base combine (pathlib's layout); others conflict.
class PurePath:
    __slots__ = ('_parts', '_str')
class PurePosix(PurePath):
    __slots__ = ()
class Path(PurePath):
    __slots__ = ()
class PosixPath(Path, PurePosix):
    __slots__ = ()
p = PosixPath()
p._parts = ['a']
print([c.__name__ for c in PosixPath.__mro__], p._parts)
try:
    p.other = 1
except AttributeError as e:
    print(e)
class Extra(PurePath):
    __slots__ = ('x',)
class Mixed(Extra, PurePosix):
    __slots__ = ()
print([c.__name__ for c in Mixed.__mro__])
class A:
    __slots__ = ('a',)
class B:
    __slots__ = ('b',)
for bases in [(A, B), (Extra, Path), (A, PurePath)]:
    try:
        type('X', bases, {})
        print('ok', [b.__name__ for b in bases])
    except TypeError as e:
        print(type(e).__name__, e)
class Free:
    pass
print(type('Y', (Free, A), {}).__mro__[1].__name__)
