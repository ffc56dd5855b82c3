print('a starts')
import b
A_VALUE = 'A'
def from_b():
    return b.B_VALUE
print('a ends')
