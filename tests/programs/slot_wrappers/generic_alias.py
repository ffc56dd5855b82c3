# list[int] and int | str (PEP 585, PEP 604).
a = list[int]
print(a, a.__origin__, a.__args__, a.__parameters__)
print(dict[str, list[int]], tuple[int, ...], tuple[()], set[bytes], frozenset[int])
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
print(a([1, 2]), type(a()))
u = int | str
print(u, u.__args__, int | None, None | int, int | str | int)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | str))
print((int | str) == (str | int), type(u).__name__, type(a).__name__)
def f(x: list[int], y: dict[str, int] | None = None) -> tuple[int, ...]:
    return x
print(f.__annotations__)
class L(list[int]):
    pass
print(L.__bases__, L([1]))
import types
print(types.GenericAlias, types.UnionType, isinstance(a, types.GenericAlias))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    int | 3
except TypeError as e:
    print(e)
