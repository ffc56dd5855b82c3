print('c start')
import a
def C():
    return 'C' + str(hasattr(a, 'A'))
print('c end', hasattr(a, 'A'))
