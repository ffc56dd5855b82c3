from fractions import Fraction
from decimal import Decimal, getcontext
import statistics
print(Fraction(3, 4) + Fraction(1, 6), Fraction('0.125'), Fraction(1.5), hash(Fraction(1, 2)) == hash(0.5))
getcontext().prec = 10
print(Decimal(1) / Decimal(7), Decimal('1.10') + Decimal('2.205'), Decimal('2').sqrt())
print(hash(Decimal('1.5')) == hash(1.5), Decimal(10) ** 3)
print(statistics.mean([1, 2, 3, 4]), statistics.median([5, 1, 3]), statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(statistics.mean([Fraction(1, 3), Fraction(2, 3)]), statistics.fmean([1.0, 2.0]))
