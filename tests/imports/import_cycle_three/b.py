print('b start')
import c
def B():
    return 'B' + c.C()
print('b end')
