print('a start')
import b
def A():
    return 'A' + b.B()
print('a end')
