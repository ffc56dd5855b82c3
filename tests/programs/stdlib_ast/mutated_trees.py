# Randomly damaged trees (fields replaced by wrong values, deleted, lists given stray items)
# give the same compile() outcome as CPython: the same error, or a code object.
import ast
import random
import re

SOURCE = '''
import os, sys as system
from collections import defaultdict as dd
@decorator(1)
def function(a, b: int = 2, *args, c, d=4, **kwargs) -> list:
    """Docstring."""
    global counter
    total = a + b * c - (d or 1)
    for i, item in enumerate(args):
        if i % 2 and not item:
            continue
        elif item is None:
            break
        total += item
    else:
        total -= 1
    while total > 100:
        total //= 2
    try:
        value = kwargs["key"]
    except (KeyError, TypeError) as error:
        value = None
    finally:
        pass
    with open(system.argv[0]) as f, f:
        data = [line.strip() for line in f if line]
    squares = {n: n ** 2 for n in range(10)}
    lam = lambda x, *y, z=1: (x, y, z)
    return [total, value, data, squares, lam, f"{total!r:>10}", {1, 2}, (yield), ...]
class Klass(Base, metaclass=Meta):
    attribute: int = 5
    async def method(self, other):
        async with self as ctx:
            await other
        async for part in self:
            del part[0], self.x
        assert self, "message"
        raise ValueError("bad") from None
match command:
    case [1, *rest] | {"key": value, **others} if rest:
        pass
    case Point(x=0, y=yy) as p:
        pass
    case -1 | 1.5 | "text" | None:
        pass
'''
VALUES = [None, 0, 1, -1, 2**40, "x", "None", "_", 1.5, [], [None], (), b"b", ast.Load(), ast.Store(),
          ast.Del(), ast.Add(), ast.Pass(), ast.Name("q", ast.Load()), ast.Constant(1), ast.arguments(),
          ast.arg("a"), ast.alias("m"), frozenset([1]), ...]
random.seed(2024)
outcomes = {}
for trial in range(250):
    tree = ast.parse(SOURCE)
    nodes = list(ast.walk(tree))
    for _ in range(random.randint(1, 3)):
        node = random.choice(nodes)
        names = list(node._fields) + list(node._attributes)
        if not names:
            continue
        field = random.choice(names)
        r = random.random()
        if r < 0.5:
            setattr(node, field, random.choice(VALUES + [random.choice(nodes)]))
        elif r < 0.7:
            try:
                delattr(node, field)
            except AttributeError:
                pass
        else:
            value = getattr(node, field, None)
            if isinstance(value, list) and value:
                value.insert(random.randrange(len(value)), random.choice(VALUES + nodes[:5]))
            else:
                setattr(node, field, [random.choice(nodes)])
    try:
        compile(tree, "<mutated>", "exec")
        outcome = "compiled"
    except (TypeError, ValueError, SyntaxError, OverflowError, SystemError, RecursionError) as e:
        outcome = f"{type(e).__name__}: {re.sub(' at 0x[0-9a-f]+', '', str(e))}"
    outcomes[outcome.split(":")[0]] = outcomes.get(outcome.split(":")[0], 0) + 1
    print(trial, outcome)
print(sorted(outcomes.items()))
