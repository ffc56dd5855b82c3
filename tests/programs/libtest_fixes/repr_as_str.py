# test_descr's test_repr_as_str overflowed the Rust stack.
class Foo:
    pass
Foo.__repr__ = Foo.__str__
foo = Foo()
for f in (str, repr):
    try:
        f(foo)
    except RecursionError as e:
        print(f.__name__, type(e).__name__)
nested = []
for _ in range(300):
    nested = [nested]
print(len(repr(nested)))
