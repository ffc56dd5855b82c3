print('before')
import raiser
print('after')
