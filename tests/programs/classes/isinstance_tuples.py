# isinstance/issubclass with tuples and built-in types, and type() identity.
class A:
    pass


class B(A):
    pass


values = [1, 2.0, "s", [1], (1,), {"k": 1}, None, True, A(), B()]
for v in values:
    print(type(v).__name__, isinstance(v, (int, float)), isinstance(v, (list, tuple)), isinstance(v, A),
          type(v) is A)
print(issubclass(bool, int), issubclass(B, (str, A)), issubclass(int, object), isinstance(A, type))
print(isinstance(True, int), type(True) is int, bool.__mro__ == (bool, int, object))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
issubclass(1, int)
