def collect(first, *rest, **options):
    print(first, rest, options)

collect(1)
collect(1, 2, 3)
collect(1, 2, key="value", other=3)

def only_positional(a, b, /, c):
    return a + b + c

print(only_positional(1, 2, c=3))
