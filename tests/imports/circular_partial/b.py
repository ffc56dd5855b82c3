print('b starts')
import a
print('b sees a partially:', hasattr(a, 'A_VALUE'))
B_VALUE = 'B'
def from_a():
    return a.A_VALUE
print('b ends')
