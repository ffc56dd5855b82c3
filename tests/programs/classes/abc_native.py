import abc, sys
from collections.abc import Sequence, Mapping, Iterable, Hashable, Sized, MutableMapping
print('_abc' in sys.modules, '_py_abc' in sys.modules)
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
class B(A):
    def f(self): return 1
print(sorted(A.__abstractmethods__), sorted(B.__abstractmethods__))
try:
    B()
except TypeError as e:
    print('TypeError', e)
class C(B):
    p = 3
print(C().f(), C.__abstractmethods__)
class V: pass
print(issubclass(V, A)); A.register(V); print(issubclass(V, A), isinstance(V(), A), isinstance(V(), B))
try:
    A.register(3)
except TypeError as e: print('TypeError', e)
try:
    B.register(A)
except RuntimeError as e: print('RuntimeError', e)
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance(3, Hashable), isinstance([], Hashable), isinstance('x', Iterable))
class It:
    def __iter__(self): return iter([])
print(isinstance(It(), Iterable), issubclass(It, Sized))
class S(Sized):
    def __len__(self): return 0
print(len(S()), isinstance(S(), Sized))
tok = abc.get_cache_token(); Sequence.register(It); print(abc.get_cache_token() - tok, isinstance(It(), Sequence))
r, c, n, v = abc._get_dump(A)
print(len(r), sorted(x().__name__ for x in r))
abc._reset_caches(A); print(len(abc._get_dump(A)[1]))
try:
    issubclass(3, A)
except TypeError as e: print('TypeError', e)
class D(dict): pass
print(issubclass(D, MutableMapping), isinstance(D(), Mapping))
class Meta(abc.ABCMeta): pass
class E(metaclass=Meta):
    @abc.abstractmethod
    def g(self): pass
try: E()
except TypeError as e: print(e)
print(type(A._abc_impl).__name__, type(A._abc_impl).__module__)
