import itertools
from itertools import groupby, tee, count, chain, islice, repeat, accumulate, cycle, zip_longest
import operator

# groupby: an old group is exhausted once the groupby moves on
g = groupby('aaabbbcc')
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
g = groupby('aaabbbcc')
k1, g1 = next(g)
print(next(g1), k1)
k2, g2 = next(g)
print(list(g1), list(g2))
print([(k, len(list(v))) for k, v in groupby(sorted('mississippi'))])
print([k for k, _ in groupby([1, 1.0, True, 2, 2.0])])

# subclasses keep their own name in reprs
class MyCount(count):
    pass
class MyRepeat(repeat):
    pass
m = MyCount(3)
print(repr(m), next(m), next(m), repr(m), isinstance(m, count))
print(repr(MyRepeat('x', 2)), list(MyRepeat('x', 2)))

class MyChain(chain):
    def extra(self):
        return 'extra'
mc = MyChain.from_iterable(['ab', 'cd'])
print(type(mc).__name__, list(mc), mc.extra())

# tee: independent positions, long runs free memory across blocks
a, b = tee(range(200))
print(sum(a), sum(b))
a, b = tee(count())
print([next(a) for _ in range(130)][-1], next(b))
c, d = tee(a)
print(next(c), next(d), next(a))

# reentrancy
def reenter():
    yield 1
    yield next(t[0])
t = tee(reenter())
print(next(t[0]))
try:
    next(t[0])
except RuntimeError as e:
    print('RuntimeError', e)

# accumulate with operator functions
print(list(accumulate([3, 4, 6, 2, 1, 9, 0, 7, 5, 8], max)))
print(list(accumulate(range(1, 6), operator.mul)))
print(list(accumulate([1.5, 2.5], initial=0)))

# count with floats and big ints
print(list(islice(count(2**63 - 2), 4)))
print(list(islice(count(0.1, 0.1), 3)))
print(list(islice(count(1j, 1), 2)))

# zip_longest with generators of differing lengths
def gen(n):
    yield from range(n)
print(list(zip_longest(gen(1), gen(3), gen(2), fillvalue=None)))

# product of product
print(len(list(itertools.product(range(3), repeat=4))))
print(next(itertools.product('abc', 'de', repeat=2)))

# islice of islice, consumption of underlying iterator
it = iter(range(10))
print(list(islice(it, 2, 5)), next(it))
it = iter(range(10))
print(list(islice(it, 0, 9, 4)), list(it))
print(list(islice(cycle('ab'), 1, 10, 3)))

# chain laziness
def noisy(tag):
    print('start', tag)
    yield tag
c = chain(noisy(1), noisy(2))
print('made')
print(next(c))
print(next(c))

# starmap / map equivalence
print(list(itertools.starmap(divmod, zip(range(10, 13), [3, 4, 5]))))
print(list(itertools.compress(range(10), cycle([1, 0, 0]))))
print(itertools.__name__, sorted(n for n in dir(itertools) if not n.startswith('_')))
