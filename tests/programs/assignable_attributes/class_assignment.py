class A:
    def who(self): return 'A'
class B:
    def who(self): return 'B'
class S: __slots__=('x',)
class T: __slots__=('x',)
class U: __slots__=('y',)
a=A()
a.v = 1
for v in [B, 5, int, S]:
    try:
        a.__class__=v; print('ok', type(a).__name__, a.who(), a.v, isinstance(a, B))
    except Exception as e: print(type(e).__name__, e)
s=S(); s.x = 3
for v in [T,U,A]:
    try:
        s.__class__=v; print('ok', type(s).__name__, s.x)
    except Exception as e: print(type(e).__name__, e)
try: del a.__class__
except Exception as e: print(type(e).__name__, e)
try: (1).__class__ = A
except Exception as e: print(type(e).__name__, e)
class L(list): pass
class M(list):
    def __repr__(self): return 'M' + list.__repr__(self)
l=L([1,2]); l.__class__=M; print(type(l), repr(l), l)
try: l.__class__ = A
except Exception as e: print(type(e).__name__, e)
class B2(A): __slots__=()
class C: __slots__=('__dict__',)
class W: __slots__=('__weakref__',)
class X: __slots__=()
a=A()
for t in [B2,C,W,X]:
  try: a.__class__=t; print('ok',t.__name__); a.__class__=A
  except Exception as e: print(e)
class Meta(type): pass
class Q(metaclass=Meta): pass
q = Q(); q.__class__ = A; print(type(q).__name__)
for i in range(3):
    o = A()
    o.__class__ = B if i % 2 else A
    print(o.who(), o.__class__.__name__)
class P:
    @property
    def __class__(self): return int
print(P().__class__, type(P()).__name__, isinstance(P(), int))
