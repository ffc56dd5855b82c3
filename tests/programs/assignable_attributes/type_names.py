class C:
    "doc"
class D(C): pass
C.__name__ = 'Renamed'
C.__qualname__ = 'Outer.Renamed'
print(C.__name__, C.__qualname__, repr(C), D.__mro__[1].__name__)
print(repr(C()).split(' ')[0])
for attr, val in [('__name__', 5), ('__qualname__', None), ('__name__', 'a\0b')]:
    try:
        setattr(C, attr, val)
    except Exception as e:
        print(type(e).__name__, e)
for attr in ['__name__', '__qualname__', '__doc__', '__module__']:
    try:
        delattr(C, attr)
    except Exception as e:
        print(type(e).__name__, e)
C.__doc__ = 'new doc'
C.__module__ = 'elsewhere'
print(C.__doc__, C.__module__, repr(C))
for attr in ['__name__', '__qualname__', '__doc__', '__module__']:
    try:
        setattr(int, attr, 'x')
    except Exception as e:
        print(type(e).__name__, e)
class S(str): pass
S.__name__ = 'T'
try:
    S(1) + 1
except TypeError as e:
    print(e)
print(type(S('a')).__name__)
