# Walking groups: leaves, depth, counting by type.
def leaves(g):
    if isinstance(g, BaseExceptionGroup):
        for e in g.exceptions:
            yield from leaves(e)
    else:
        yield g

def depth(g):
    if isinstance(g, BaseExceptionGroup):
        return 1 + max(depth(e) for e in g.exceptions)
    return 0

tree = ExceptionGroup("a", [
    ValueError(1),
    ExceptionGroup("b", [TypeError(2), ExceptionGroup("c", [KeyError(3), ValueError(4)])]),
])
print([repr(x) for x in leaves(tree)])
print(depth(tree))
counts = {}
for leaf in leaves(tree):
    counts[type(leaf).__name__] = counts.get(type(leaf).__name__, 0) + 1
print(sorted(counts.items()))
only_values = tree.subgroup(ValueError)
print([repr(x) for x in leaves(only_values)], depth(only_values))
print(tree.split(lambda e: not isinstance(e, BaseExceptionGroup) and e.args[0] % 2 == 0))
